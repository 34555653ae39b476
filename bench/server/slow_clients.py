#!/usr/bin/env python3
"""Holds N slow connections to a server for a while (bench/server/run).

Half trickle a request head one byte a second and never finish it; the other
half send a partial head and then nothing. When the server closes one (its
request deadline: 408), another takes its place, so N are open throughout.
Prints how many connections it opened and how many the server cut.

  slow_clients.py HOST PORT N SECONDS
"""
import socket
import sys
import time

host, port, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
HEAD = b"GET /api/stats HTTP/1.1\r\nHost: bench\r\nX-Slow: "


def connect():
    s = socket.create_connection((host, port), timeout=5)
    s.setblocking(False)
    s.send(HEAD)
    return s


clients = [(connect(), i % 2 == 0) for i in range(n)]
opened, cut = n, 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    for i, (s, trickles) in enumerate(clients):
        closed = False
        try:
            if s.recv(4096) == b"":
                closed = True
            else:
                closed = True  # an answer (408): the server is done with it
        except BlockingIOError:
            pass
        except OSError:
            closed = True
        if not closed and trickles:
            try:
                s.send(b"a")
            except BlockingIOError:
                pass
            except OSError:
                closed = True
        if closed:
            cut += 1
            s.close()
            clients[i] = (connect(), trickles)
            opened += 1
    time.sleep(1.0)
for s, _ in clients:
    s.close()
print(f"slow connections: {n} held for {seconds:.0f} s; {opened} opened, {cut} cut by the server")
