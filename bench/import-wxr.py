#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2, as WordPress 6 writes it) of N comments to stdout.

    bench/import-wxr.py COMMENTS [ARTICLES]

Comments spread evenly over the articles; about a third reply to an earlier comment of their
article; statuses mix approved, pending, spam and trash; texts carry HTML, entities and links;
10,000 distinct authors. Deterministic (seeded), so two runs write the same file.
"""
import random
import sys

comments = int(sys.argv[1])
articles = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, comments // 100)
rng = random.Random(20)
out = sys.stdout
write = out.write
write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
      '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
      '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
      '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
      '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
      '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n'
      '\t<title>Bench</title>\n\t<link>https://bench.example</link>\n'
      '\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
statuses = ['1'] * 85 + ['0'] * 8 + ['spam'] * 4 + ['trash'] * 3
texts = [
    'I think this is <strong>right</strong>, and &amp; so does everyone.',
    'See <a href="https://example.org/source?id=%d&amp;x=1" rel="nofollow ugc">the source</a> for more.',
    'First paragraph.\n\nSecond paragraph with a line\nbreak and an emoji \U0001F600.',
    'Quote: &lt;b&gt; is not bold. Да, это так — спасибо!',
]
comment_id = 0
per_article = comments // articles
extra = comments % articles
for article in range(1, articles + 1):
    write('\t<item>\n\t\t<title><![CDATA[Story %d]]></title>\n'
          '\t\t<link>https://bench.example/news/2024/story-%d/</link>\n'
          '\t\t<wp:post_id>%d</wp:post_id>\n\t\t<wp:post_name><![CDATA[story-%d]]></wp:post_name>\n'
          '\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n'
          % (article, article, article, article))
    first = comment_id + 1
    for n in range(per_article + (1 if article <= extra else 0)):
        comment_id += 1
        parent = rng.randrange(first, comment_id) if comment_id > first and rng.random() < 0.33 else 0
        author = rng.randrange(10000)
        second = (comment_id * 7) % 86400
        date = '2024-%02d-%02d %02d:%02d:%02d' % (1 + comment_id % 12, 1 + comment_id % 28, second // 3600,
                                                 second % 3600 // 60, second % 60)
        text = texts[comment_id % len(texts)]
        if '%d' in text:
            text = text % comment_id
        write('\t\t<wp:comment>\n\t\t\t<wp:comment_id>%d</wp:comment_id>\n'
              '\t\t\t<wp:comment_author><![CDATA[Reader %d]]></wp:comment_author>\n'
              '\t\t\t<wp:comment_author_email><![CDATA[reader%d@example.com]]></wp:comment_author_email>\n'
              '\t\t\t<wp:comment_author_url></wp:comment_author_url>\n'
              '\t\t\t<wp:comment_author_IP><![CDATA[203.0.113.%d]]></wp:comment_author_IP>\n'
              '\t\t\t<wp:comment_date><![CDATA[%s]]></wp:comment_date>\n'
              '\t\t\t<wp:comment_date_gmt><![CDATA[%s]]></wp:comment_date_gmt>\n'
              '\t\t\t<wp:comment_content><![CDATA[%s]]></wp:comment_content>\n'
              '\t\t\t<wp:comment_approved><![CDATA[%s]]></wp:comment_approved>\n'
              '\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n'
              '\t\t\t<wp:comment_parent>%d</wp:comment_parent>\n'
              '\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n'
              % (comment_id, author, author, author % 250, date, date, text, rng.choice(statuses), parent))
    write('\t</item>\n')
write('</channel>\n</rss>\n')
