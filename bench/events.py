#!/usr/bin/env python3
"""Event delivery figures (API.md §6), against running instances (bench/events.sh starts them):

  events.py latency --post URL --stream URL --auth 'Basic …' [--count N] [--webhook]
      posts N comments one by one on --post and reports, per comment, how long after the POST's
      answer its event arrived on an SSE stream of --stream (another instance, with PostgreSQL),
      and with --webhook at a local receiver registered as a webhook: p50 and p99.
  events.py streams --stream URL --auth 'Basic …' --count N --hold SECONDS [--pid PID]
      opens N SSE streams and keeps them open; prints the service's RSS and heap (jcmd) meanwhile.
"""
import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import seed  # noqa: E402  (solve(), Client, post_comment())


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))] if ordered else float("nan")


async def sse(url, auth, on_event, ready):
    """One stream: GET with Accept: text/event-stream; calls on_event(data) for each data: line."""
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(("GET %s HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\nAuthorization: %s\r\n\r\n"
                  % (parts.path, parts.netloc, auth)).encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError("stream answered %r" % status)
    chunked = False
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b""):
            break
        chunked |= header.lower().startswith(b"transfer-encoding:") and b"chunked" in header.lower()
    ready()
    buffer = b""
    while True:
        if chunked:  # a line of the stream may be cut across chunks: join them first
            size = int((await reader.readline()).strip() or b"0", 16)
            if size == 0:
                return
            buffer += await reader.readexactly(size)
            await reader.readexactly(2)
        else:
            more = await reader.read(65536)
            if not more:
                return
            buffer += more
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if line.startswith(b"data:") and on_event:
                on_event(line[5:].strip())


class Receiver:
    """A webhook endpoint on loopback that answers 200 at once and notes when each event arrived."""

    def __init__(self):
        self.arrived = {}
        self.port = None

    async def start(self):
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                body = await reader.readexactly(length)
                now = time.monotonic()
                event = json.loads(body)
                if event.get("commentId"):
                    self.arrived.setdefault(event["commentId"], now)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            writer.close()


def register_webhook(base, auth, port):
    c = seed.Client(base, auth)
    created = c.call("POST", "/admin/webhooks", {"url": "http://127.0.0.1:%d/hook" % port, "events": ["comment.submitted"],
                                                  "description": "bench"}, expect=(201,))
    return created["id"]


async def latency(args):
    arrived_sse = {}
    loop = asyncio.get_running_loop()
    opened = loop.create_future()

    def on_event(data):
        event = json.loads(data)
        if event.get("commentId"):
            arrived_sse.setdefault(event["commentId"], time.monotonic())

    stream = asyncio.ensure_future(sse(args.stream + "/moderation/events", args.auth, on_event,  # noqa: F841
                                       lambda: opened.done() or opened.set_result(True)))  # kept: asyncio holds tasks weakly
    await opened
    receiver = None
    if args.webhook:
        receiver = Receiver()
        await receiver.start()
        await loop.run_in_executor(None, register_webhook, args.post, args.auth, receiver.port)
    answered, posted = {}, {}
    client = seed.Client(args.post)
    for n in range(args.count):
        # Timed both from the POST's sending (an upper bound: it includes the POST itself) and from its
        # answer (the event commits with the comment, before the 201 is sent, so an SSE line can beat
        # the answer: negative).
        captcha = await loop.run_in_executor(None, seed.solved_captcha, client)
        sent = time.monotonic()
        comment_id = await loop.run_in_executor(None, seed.post_comment, client, "events-bench", n, "ev%d" % os.getpid(),
                                                captcha)
        answered[comment_id] = time.monotonic()
        posted[comment_id] = sent
        await asyncio.sleep(0.1)
    await asyncio.sleep(3)
    where = " (other instance)" if args.stream != args.post else ""
    report("SSE line after the 201" + where, answered, arrived_sse)
    report("SSE line after the POST was sent" + where, posted, arrived_sse)
    if receiver:
        report("webhook after the 201", answered, receiver.arrived)
        report("webhook after the POST was sent", posted, receiver.arrived)


def report(label, answered, arrived):
    waits = [(arrived[i] - t) * 1000 for i, t in answered.items() if i in arrived]
    missing = len(answered) - len(waits)
    print("%-40s p50 %7.1f ms   p99 %7.1f ms   (%d events%s)" % (label, percentile(waits, 50), percentile(waits, 99),
                                                              len(waits), ", %d missing" % missing if missing else ""))


async def streams(args):
    loop = asyncio.get_running_loop()
    count = 0
    all_open = loop.create_future()

    def one_open():
        nonlocal count
        count += 1
        if count == args.count and not all_open.done():
            all_open.set_result(True)

    webhook = None
    if args.webhook:
        receiver = Receiver()
        await receiver.start()
        webhook = await loop.run_in_executor(None, register_webhook, args.stream, args.auth, receiver.port)
    open_streams = []  # kept: asyncio holds tasks weakly
    for _ in range(args.count):
        open_streams.append(asyncio.ensure_future(sse(args.stream + "/moderation/events", args.auth, None, one_open)))
        await asyncio.sleep(0.002)
    await asyncio.wait_for(all_open, 120)
    print("%d streams open%s" % (count, ", webhook registered" if args.webhook else ""), file=sys.stderr, flush=True)
    await asyncio.sleep(args.hold)
    if args.pid:
        rss = [line for line in open("/proc/%d/status" % args.pid) if line.startswith("VmRSS")][0].split()[1]
        heap = subprocess.run(["jcmd", str(args.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        used = [line for line in heap.splitlines() if "used" in line][:1]
        print("%d open streams: RSS %d MiB; %s" % (count, int(rss) // 1024, used[0].strip() if used else "heap: n/a"))
    if webhook:
        # The next round runs without it: its receiver goes away with this process.
        seed.Client(args.stream, args.auth).call("DELETE", "/admin/webhooks/" + webhook, None, expect=(204,))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["latency", "streams"])
    parser.add_argument("--post")
    parser.add_argument("--stream", required=True)
    parser.add_argument("--auth", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--hold", type=int, default=10)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--webhook", action="store_true")
    args = parser.parse_args()
    asyncio.run(latency(args) if args.mode == "latency" else streams(args))


if __name__ == "__main__":
    main()
