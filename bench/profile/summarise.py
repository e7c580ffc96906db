"""Sums JFR execution samples of the request threads (Tomcat's http-nio workers or virtual threads
that run DispatcherServlet) per method: inclusive and self shares, and named areas."""
import collections
import re
import sys

text = open(sys.argv[1]).read()
requests = int(sys.argv[2])
events = text.split("jdk.ExecutionSample")[1:]
frame = re.compile(r"^\s+([\w.$<>/]+)\(", re.M)
inclusive, self_, areas = collections.Counter(), collections.Counter(), collections.Counter()
AREAS = {
    "Thymeleaf (rendering)": ("org.thymeleaf.",),
    "SpEL": ("org.springframework.expression.",),
    "messages (MessageSource)": ("org.springframework.context.support.AbstractMessageSource",),
    "Hibernate": ("org.hibernate.",),
    "JDBC driver and pool": ("org.h2.", "org.postgresql.", "org.mariadb.", "com.zaxxer.hikari."),
    "Spring Security filters": ("org.springframework.security.web.",),
    "Spring Session": ("org.springframework.session.",),
    "Jackson": ("tools.jackson.", "com.fasterxml.jackson."),
    "MentorHub code": ("org.mentorhub.",),
}
total = 0
for event in events:
    frames = frame.findall(event)
    if not frames or not any("DispatcherServlet" in f or "ApplicationFilterChain" in f for f in frames):
        continue
    total += 1
    self_[frames[0]] += 1
    for f in set(frames):
        inclusive[f] += 1
    for area, prefixes in AREAS.items():
        if any(f.startswith(prefixes) for f in frames):
            areas[area] += 1
if total == 0:
    print("no request-thread samples")
    sys.exit(0)
print(f"request-thread samples: {total} ({total / requests:.2f} per request)")
print("areas (inclusive share of request-thread samples):")
for area in AREAS:
    print(f"  {100 * areas[area] / total:5.1f}%  {area}")
print("top methods, self:")
for name, n in self_.most_common(20):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("top MentorHub and framework methods, inclusive (below the filter chain):")
shown = 0
for name, n in inclusive.most_common(400):
    if name.startswith(("org.mentorhub.", "org.thymeleaf.", "org.springframework.expression.", "org.hibernate.")):
        print(f"  {100 * n / total:5.1f}%  {name}")
        shown += 1
        if shown == 30:
            break
