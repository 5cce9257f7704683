#ifndef CEVQ_PREFETCH_H
#define CEVQ_PREFETCH_H

/// Asks the CPU to bring the cache line at `address` close, ready to be written (a hint: it
/// never faults, whatever the address). Swift has no way to issue a prefetch.
static inline void evq_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
