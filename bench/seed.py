#!/usr/bin/env python3
"""Client side of bench/run.sh: talks to the comment service over HTTP only, like any client.

  seed.py token    --base URL --password P                 prints a new API token (Bearer)
  seed.py seed     --base URL --token T                    the read scenarios' data, approved
  seed.py captchas --base URL --count N --out FILE          N solved captchas: "token answer" lines
  seed.py pending  --base URL --token T --out FILE          ids of the pending comments, one a line

Standard library only. Keep-alive connections, one per worker thread, so seeding is quick.
"""
import argparse
import base64
import http.client
import json
import random
import sys
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}

# Realistic reader prose, shuffled per comment; every body also carries a unique tag (409 otherwise).
SENTENCES = [
    "I read the whole piece twice and I still think the council is missing the point here.",
    "The numbers in the third paragraph do not match what was reported last spring.",
    "My neighbours have been saying exactly this for years, and nobody listened.",
    "Thanks for covering this, local reporting like this is why I keep my subscription.",
    "It would help to hear from the people who actually use the bus line every day.",
    "I am not convinced the new plan will be cheaper once maintenance is included.",
    "Good article, but the headline promises more than the text delivers.",
    "Has anyone asked the school board what they think about the timetable change?",
    "We tried something similar in our town and it worked better than expected.",
    "Please follow up on this in six months, I would like to know how it turned out.",
]


def solve(question):
    """Answer of 'A OP B =': operands are digits or words zero..twenty; OP is + − ×."""
    a, op, b, eq = question.split(" ")
    assert eq == "=", question
    a = int(a) if a.isdigit() else WORDS[a]
    b = int(b) if b.isdigit() else WORDS[b]
    if op == "+":
        return a + b
    if op == "\u2212":
        return a - b
    if op == "\u00d7":
        return a * b
    raise ValueError("unknown operator in %r" % question)


class Client:
    """One keep-alive HTTP connection; reconnects once if the server closed it."""

    def __init__(self, base, auth=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.prefix = url.hostname, url.port or 80, url.path.rstrip("/")
        self.auth = auth
        self.conn = None

    def call(self, method, path, body=None, expect=(200,)):
        headers = {"Accept": "application/json"}
        if self.auth:
            headers["Authorization"] = self.auth
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, self.prefix + path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        if resp.status not in expect:
            raise RuntimeError("%s %s -> %d %s" % (method, path, resp.status, payload[:300].decode(errors="replace")))
        return json.loads(payload) if payload else None


_local = threading.local()


def client(args, auth=None):
    """A connection per worker thread (http.client connections are not thread-safe)."""
    if getattr(_local, "client", None) is None:
        _local.client = Client(args.base, auth)
    return _local.client


def solved_captcha(c):
    captcha = c.call("GET", "/captcha")
    return captcha["token"], solve(captcha["question"])


def post_comment(c, article, n, tag, captcha=None):
    """Posts comment n; with captcha (a solved_captcha() result), only the POST is made."""
    token, answer = captcha or solved_captcha(c)
    rnd = random.Random(n)
    body = " ".join(rnd.sample(SENTENCES, 4)) + " (%s %d)" % (tag, n)
    created = c.call("POST", "/articles/%s/comments" % article, {
        "name": "Bench Reader", "email": "%s%d@bench.example" % (tag, n), "body": body,
        "captchaToken": token, "captchaAnswer": str(answer)}, expect=(201, 202))
    return created["id"]


def cmd_token(args):
    basic = "Basic " + base64.b64encode(("admin:" + args.password).encode()).decode()
    created = Client(args.base, basic).call("POST", "/moderation/tokens", {"name": "bench"}, expect=(201,))
    print(created["token"])


def cmd_seed(args):
    bearer = "Bearer " + args.token
    # bench-read: 50 approved comments (one full default page); bench-count-0..99: one each.
    jobs = [("bench-read", i) for i in range(50)] + [("bench-count-%d" % i, 1000 + i) for i in range(100)]

    def one(job):
        article, n = job
        c = client(args, bearer)
        comment_id = post_comment(c, article, n, "seed")
        c.call("POST", "/moderation/comments/%s/approve" % comment_id, expect=(200,))

    with ThreadPoolExecutor(args.threads) as pool:
        list(pool.map(one, jobs))
    # Check through the reader's API what the scenarios will read.
    c = Client(args.base)
    page = c.call("GET", "/articles/bench-read/comments")
    if len(page["comments"]) != 50:
        sys.exit("bench-read shows %d comments, expected 50" % len(page["comments"]))
    query = "&".join("articleId=bench-count-%d" % i for i in range(100))
    counts = c.call("GET", "/comment-counts?" + query)["counts"]
    if sorted(set(counts.values())) != [1]:
        sys.exit("unexpected comment counts: %r" % counts)
    print("seeded: bench-read 50 approved, bench-count-0..99 1 approved each", file=sys.stderr)


def cmd_captchas(args):
    def fetch(_):
        return solved_captcha(client(args))

    with ThreadPoolExecutor(args.threads) as pool, open(args.out, "w") as out:
        for token, answer in pool.map(fetch, range(args.count), chunksize=64):
            out.write("%s %d\n" % (token, answer))
    print("captchas: %d solved into %s" % (args.count, args.out), file=sys.stderr)


def cmd_pending(args):
    c = Client(args.base, "Bearer " + args.token)
    ids, cursor = [], None
    while True:
        path = "/moderation/comments?status=pending&limit=200"
        if cursor:
            path += "&cursor=" + urllib.parse.quote(cursor, safe="")
        page = c.call("GET", path)
        ids += [comment["id"] for comment in page["comments"]]
        cursor = page.get("nextCursor")
        if not cursor or (args.max and len(ids) >= args.max):
            break
    if args.max:
        ids = ids[:args.max]
    with open(args.out, "w") as out:
        out.writelines(i + "\n" for i in ids)
    print("pending: %d ids into %s" % (len(ids), args.out), file=sys.stderr)
    if not ids:
        sys.exit("no pending comments")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("token", "seed", "captchas", "pending"):
        p = sub.add_parser(name)
        p.add_argument("--base", default="http://127.0.0.1:18080/api/v1")
        p.add_argument("--threads", type=int, default=8)
        if name == "token":
            p.add_argument("--password", required=True)
        if name in ("seed", "pending"):
            p.add_argument("--token", required=True)
        if name == "captchas":
            p.add_argument("--count", type=int, required=True)
        if name in ("captchas", "pending"):
            p.add_argument("--out", required=True)
        if name == "pending":
            p.add_argument("--max", type=int, default=0, help="stop after this many ids (0: all)")
    args = parser.parse_args()
    globals()["cmd_" + args.command](args)


if __name__ == "__main__":
    main()
