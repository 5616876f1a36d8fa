#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` (stdin) for bench/profile-posts.sh.

  jfr-summary.py top N                 the N methods most often on top of a sampled stack
  jfr-summary.py inclusive N PREFIX    the N methods starting with PREFIX most often anywhere on it
  jfr-summary.py areas PREFIX...       for each prefix, the share of samples with a frame under it
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*line:")


def stacks(lines):
    """Each sample's frames, innermost first (jfr print lists them so)."""
    frames, inside = [], False
    for line in lines:
        if line.startswith("jdk.ExecutionSample"):
            if frames:
                yield frames
            frames, inside = [], False
        elif "stackTrace = [" in line:
            inside = True
        elif inside:
            match = FRAME.match(line)
            if match:
                frames.append(match.group(1))
            elif line.strip() == "]":
                inside = False
    if frames:
        yield frames


def main():
    mode = sys.argv[1]
    if mode == "areas":
        prefixes, counter, total = sys.argv[2:], collections.Counter(), 0
        for frames in stacks(sys.stdin):
            total += 1
            counter.update({p for p in prefixes if any(frame.startswith(p) for frame in frames)})
        for prefix in prefixes:
            print("%6.1f%%  %s" % (100.0 * counter[prefix] / max(total, 1), prefix))
        print("(%d samples)" % total)
        return
    count = int(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) > 3 else ""
    counter, total = collections.Counter(), 0
    for frames in stacks(sys.stdin):
        total += 1
        if mode == "top":
            counter[frames[0]] += 1
        else:
            counter.update({frame for frame in frames if frame.startswith(prefix)})
    for method, n in counter.most_common(count):
        print("%6.1f%%  %s" % (100.0 * n / max(total, 1), method))
    print("(%d samples)" % total)


if __name__ == "__main__":
    main()
