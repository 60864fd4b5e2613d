"""Realistic postmortem texts used by several tests."""

CLEAN_POSTMORTEM = """# Checkout latency and errors, 12 March

## Summary

Between 14:02 and 14:41 UTC, 18% of checkout requests failed or took longer
than ten seconds. The trigger was a configuration change that halved the
database connection pool; contributing factors were a retry policy without
jitter and an alert that only fired on averages.

## Impact

Customers would have seen spinning buttons and "payment failed" messages.
Only 2% of orders were lost; the rest succeeded on a later retry. Support
received 140 tickets.

## Timeline

- 13:55 The config change merged after CI passed and one approval.
- 14:02 The deploy pipeline rolled the change out to all regions.
- 14:09 The latency alert fired and paged the on-call engineer.
- 14:12 The on-call acknowledged the page and opened the checkout dashboard.
- 14:20 Dana restarted two API pods, which had just run out of connections.
- 14:33 The team identified the pool size and reverted the change.
- 14:41 Error rates returned to normal.

14:15 <dana> why didn't the pool grow? should have checked the config first
14:16 <sam> looking now

## What happened

The pool size lives in a shared YAML file that both the checkout and the
search services read. The change was meant for search, where a smaller pool
had been tested. Nothing in the review showed that checkout read the same
key, and the diff looked like a routine tuning change.

When the pool shrank, requests queued for connections. Clients retried
without jitter, which doubled the load within a minute. The replica failed to
catch up while the primary was saturated, so read traffic could not move.

The latency alert uses a five-minute average, so it fired seven minutes after
the change. The dashboard linked from the alert did not include pool usage,
and it was not obvious from the graphs that connections were the limit.

> Dana wrote in the channel: "I should have waited before restarting."

We avoid calling this human error: the shared key and the missing pool graph
made the change look safe to everyone who saw it.

## What went well

The rollback took two minutes once the pool was identified. The Kubernetes
operator kept the API pods healthy, and the circuit breaker stopped the
failures from spreading to search.

## Action Items

- Split the shared pool key into one key per service (owner: platform team).
- Add pool usage to the checkout dashboard and link it from the alert.
- We should add jitter to the client retry policy.
- The config linter must reject pool sizes below the service's minimum.
- Alert on p99 latency over one minute instead of a five-minute average.
"""

BLAMEFUL_POSTMORTEM = """# Checkout outage

## Summary

The root cause was human error. Dana pushed a bad config and obviously
should have tested it in staging first.

## Discussion

Why didn't the on-call escalate sooner? All they had to do was roll back.

## Action Items

- Engineers need to be more careful with shared config.
- Retrain Dana on the config process.
"""
