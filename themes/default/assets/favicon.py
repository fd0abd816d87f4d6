#!/usr/bin/env python3
"""Writes static/favicon.ico, the fallback for browsers without SVG icons:
the NHS blue rounded square of favicon.svg at 32 x 32, without the
briefcase (drawn with the standard library only, so no image tools are
needed). Usage: python3 themes/default/assets/favicon.py"""
import os
import struct
import zlib

SIZE, RADIUS = 32, 6
BLUE = (0x00, 0x5E, 0xB8)


def inside(x, y):
    # Distance from the nearest corner's centre, for the rounded corners.
    cx = min(max(x + 0.5, RADIUS), SIZE - RADIUS)
    cy = min(max(y + 0.5, RADIUS), SIZE - RADIUS)
    return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= RADIUS**2


def png():
    rows = b"".join(
        b"\x00" + b"".join(bytes(BLUE + ((255,) if inside(x, y) else (0,))) for x in range(SIZE))
        for y in range(SIZE)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ico(image):
    # One PNG-compressed image in an ICO container.
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 22) + image


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "static", "favicon.ico"), "wb") as out:
    out.write(ico(png()))
