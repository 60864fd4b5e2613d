"""The incident screen's help text: its keys and the capture grammar."""

HELP = """
## Incident (live capture)

The header shows key, severity, title, status, commander, the time since impact
started (ticking while active), the milestone times, the time to detect,
acknowledge, mitigate and resolve once known, and ⚠ milestones that are out of
order. The timeline lists events in UTC, newest at the bottom; it follows new
events unless you have scrolled up. Events from other terminals (`debrief log`)
appear within a second. Pinned events (★) are key moments.

### The capture line

Type what happened and press **Enter**: it is saved at the current UTC time,
then the line clears. If saving fails, the text stays and the reason shows.
Optional tokens, in any order, before the text:

| token | means |
| --- | --- |
| `14:05`, `14:05:30` | it happened at that time today (UTC) |
| `-5m`, `-90s`, `-1h30m`, `-2d` | it happened that long ago |
| `2025-11-27 14:05` | a full date and time (UTC unless a zone is given) |
| `!` | pin it as a key moment |
| `/impact` | users were first affected (sets impact started) |
| `/detect` | detected (sets detected) |
| `/ack` | acknowledged (sets acknowledged) |
| `/mitigate` | mitigated: sets mitigated, status `monitoring` |
| `/resolve` | resolved: sets resolved, status `resolved` |
| `/escalate` `/deploy` `/decision` `/comms` `/action` | the kind of event (default: note) |
| `--` | the rest is text (for text starting with `/` or `!`) |

Example: `-10m ! /mitigate rolled back to v2.3.0`. A future or unreadable time
is refused with the reason and the text stays in the line.

### Keys

Letters type into the capture line, so the event and incident keys act once
the timeline has the focus (`up`); any other letter typed there goes to the
capture line. While typing, `ctrl+p` offers status, severity, commander,
title, postmortem and undo.

| key | does |
| --- | --- |
| `enter` | (capture line) log the line |
| `up` | (capture line) move into the timeline |
| `a` / `escape` | (timeline) back to the capture line |
| `up` `down` `pageup` `pagedown` `home` `end` | (timeline) move the cursor |
| `e` / `enter` | (timeline) edit the event: text, time, kind (old version kept) |
| `!` | (timeline) pin or unpin the event |
| `x` / `delete` | (timeline) delete the event |
| `u` | (timeline) undo the last delete |
| `s` | (timeline) change status |
| `v` | (timeline) change severity |
| `c` | (timeline) change commander (a hand-off of the commander role) |
| `o` | (timeline) assign or hand over a role: commander, deputy, comms, ops lead, scribe (the team's list) |
| `ctrl+o` | stakeholder update: the team's template filled from the incident; `ctrl+s` logs it as a communication event and copies it to the clipboard (also `/update` in the capture line; text after it replaces the draft) |
| `w` | (timeline) show or hide who wrote each event (`✎` marks a line someone else edited) |
| `r` | (timeline) change title |
| `p` | (timeline) open the postmortem (started, pre-filled from the incident, on first use) |
| `t` | (timeline) postmortem triggers (customer-facing, data loss, on-call escalation, security, near miss, toil) |
| `escape` | (capture line, when empty) back to the incident list |
| `F1` | this help (also from the capture line, where `?` is typed as text) |

Status, severity, commander, role and title changes are recorded as `status`
events, each with its author ("comms: dana → priya").

### The team bar

Under the header: who holds each role now; for a severity with an update
cadence (default SEV1 every 30 min, SEV2 every 60; `debrief config set --team
update_cadence "SEV1=30, SEV2=60"`), the time left until the next stakeholder
update, counted from the last communication event, which turns to a warning
once it is overdue; and nudges when the incident has no commander or is not
acknowledged 15 minutes after it was declared.
Deleting a milestone event (`/resolve`, `/mitigate`, …) hands its milestone to
the remaining event of that kind, or clears it and steps the status back;
`u` brings both back. Setting an active status on a resolved incident reopens
it: the resolution time is cleared and the clock runs again. In the edit
dialog a bare time such as `14:05` is on the event's own day.
"""
