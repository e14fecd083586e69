#!/usr/bin/env python3
"""Makes the bundled chimes (app/src/main/resources/dev/roomcall/app/notify/*.wav): two soft bell notes,
rising when someone arrives, falling when they leave. 22.05 kHz 16-bit mono, under half a second."""
import math
import pathlib
import struct
import wave

RATE = 22050
OUT = pathlib.Path(__file__).resolve().parent.parent / "app/src/main/resources/dev/roomcall/app/notify"


def chime(notes, path):
    frames = []
    for k, freq in enumerate(notes):
        n = int(RATE * 0.42)
        start = int(RATE * 0.18 * k)
        frames.extend([0.0] * max(0, start + n - len(frames)))
        for i in range(n):
            t = i / RATE
            envelope = min(1.0, t / 0.005) * math.exp(-t * 9)
            frames[start + i] += 0.45 * envelope * (math.sin(2 * math.pi * freq * t)
                                                    + 0.25 * math.sin(4 * math.pi * freq * t))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, x)) * 32000)) for x in frames))


chime([659.25, 880.0], OUT / "arrived.wav")
chime([880.0, 659.25], OUT / "left.wav")
