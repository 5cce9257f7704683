#!/usr/bin/env python3
"""Prints facts about a PNG screenshot for tests, using only the standard library:
`width height distinct_colours pixels_matching` where pixels_matching counts pixels within
a small distance of the colour given as RRGGBB (8-bit RGB/RGBA, non-interlaced PNGs)."""
import struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG: " + path)
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise SystemExit("unsupported PNG layout")
            channels = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1: line[x] = (line[x] + a) & 255
            elif ftype == 2: line[x] = (line[x] + b) & 255
            elif ftype == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows

w, h, ch, rows = read_png(sys.argv[1])
target = tuple(int(sys.argv[2][k:k + 2], 16) for k in (0, 2, 4)) if len(sys.argv) > 2 else None
colours, matching = set(), 0
for row in rows:
    for x in range(0, len(row), ch):
        px = (row[x], row[x + 1], row[x + 2])
        colours.add(px)
        if target and all(abs(px[k] - target[k]) <= 12 for k in range(3)):
            matching += 1
print(w, h, len(colours), matching)
