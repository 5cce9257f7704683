// GNU readline (libreadline-dev). stdio.h must come first: readline.h uses FILE without including it.
#include <stdio.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <readline/readline.h>
#include <readline/history.h>

// Ctrl-C handling for evq's line editor, in C because a signal handler may only touch a
// `volatile sig_atomic_t`. This flag is the one unavoidable piece of global state: a signal
// handler cannot be handed a context. Only Sources/EvqLineEditor/ReadlineReader.swift uses
// these functions (each Swift file that used them would get its own copy of the statics).

static volatile sig_atomic_t evq_sigint_pending = 0;
static int evq_line_abandoned = 0;
// A self-pipe: the handler writes a byte, so the line reader wakes up even when the signal was
// delivered to another thread (Foundation and Dispatch start threads of their own).
static int evq_sigint_pipe[2] = {-1, -1};

static void evq_sigint_handler(int signo) {
    (void)signo;
    evq_sigint_pending = 1;
    if (evq_sigint_pipe[1] >= 0) {
        int saved = errno;
        (void)!write(evq_sigint_pipe[1], "i", 1);
        errno = saved;
    }
}

/// Installs the SIGINT handler (without SA_RESTART) and its self-pipe.
static inline void evq_install_sigint_handler(void) {
    if (evq_sigint_pipe[0] < 0 && pipe(evq_sigint_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(evq_sigint_pipe[i], F_SETFL, fcntl(evq_sigint_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(evq_sigint_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction action;
    action.sa_handler = evq_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    // A parent may have started evq with these blocked (the mask is inherited across exec);
    // an interactive program must hear Ctrl-C and a closing terminal.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

/// Returns 1 (and clears the flag and the pipe) if Ctrl-C was pressed since the last call.
static inline int evq_take_sigint(void) {
    char drain[64];
    if (evq_sigint_pipe[0] >= 0) {
        while (read(evq_sigint_pipe[0], drain, sizeof drain) > 0) {}
    }
    int pending = evq_sigint_pending;
    evq_sigint_pending = 0;
    return pending;
}

/// Returns 1 (and clears it) if the last line readline returned was abandoned with Ctrl-C.
static inline int evq_take_abandoned(void) {
    int abandoned = evq_line_abandoned;
    evq_line_abandoned = 0;
    return abandoned;
}

/// readline's getc: waits for a key or a Ctrl-C. On Ctrl-C it shows `^C`, marks the line
/// abandoned and ends it with a newline, so readline returns normally (terminal state restored)
/// and the caller drops the line.
static int evq_getc(FILE *stream) {
    int fd = fileno(stream);
    for (;;) {
        struct pollfd fds[2] = {{fd, POLLIN, 0}, {evq_sigint_pipe[0], POLLIN, 0}};
        int ready = poll(fds, evq_sigint_pipe[0] >= 0 ? 2 : 1, -1);
        if (ready < 0 && errno != EINTR) return EOF;
        if (evq_take_sigint()) {
            evq_line_abandoned = 1;
            rl_point = rl_end;
            rl_insert_text("^C");
            rl_redisplay();
            return '\n';
        }
        if (ready <= 0 || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        unsigned char c;
        ssize_t n = read(fd, &c, 1);
        if (n == 1) return c;
        if (n == 0) return EOF;
        if (errno != EINTR && errno != EAGAIN) return EOF;
    }
}

/// Configures readline for evq: its name for `$if evq` in ~/.inputrc, the word breaks for
/// completion, no signal handlers of its own (evq's Ctrl-C handling is above), evq's getc and
/// the completion hook. (Swift 6 cannot assign C globals directly, hence these helpers.)
static inline void evq_readline_setup(const char *name, const char *word_breaks, rl_completion_func_t *complete) {
    rl_readline_name = name;
    rl_completer_word_break_characters = word_breaks;
    rl_catch_signals = 0;
    rl_getc_function = evq_getc;
    rl_attempted_completion_function = complete;
    evq_install_sigint_handler();
}

/// Inside the completion hook: the line being edited and the cursor's byte offset; also stops
/// readline from falling back to file-name completion.
static inline const char *evq_completion_line(int *cursor) {
    rl_attempted_completion_over = 1;
    *cursor = rl_point;
    return rl_line_buffer;
}

/// Inside the completion hook: what readline appends after a single match (0 = nothing).
static inline void evq_completion_append(int character) {
    rl_completion_append_character = character;
}

/// The number of entries in readline's in-memory history.
static inline int evq_history_count(void) { return history_length; }

/// The text of history entry `index` (0 = oldest), or NULL.
static inline const char *evq_history_text(int index) {
    HIST_ENTRY *entry = history_get(history_base + index);
    return entry ? entry->line : NULL;
}
