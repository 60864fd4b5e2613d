"""The incident screen's help text: its keys and the capture grammar."""

HELP = """
## Incident (live capture)

The header shows key, severity, title, status, commander, the time since impact
started (ticking while active), the milestone times, the time to detect,
acknowledge, mitigate and resolve once known, and ⚠ milestones that are out of
order. The timeline lists events in your zone, newest at the bottom; it follows new
events unless you have scrolled up. Events from other terminals (`debrief log`)
appear within a second. Pinned events (★) are key moments.

### The capture line

Type what happened and press **Enter**: it is saved at the current time, then
the line clears. If saving fails, the text stays and the reason shows.
Times are shown in your zone (the column heading and the header name it) and
stored in UTC. Optional tokens, in any order, before the text:

| token | means |
| --- | --- |
| `14:05`, `14:05:30` | at that time of day in your zone, the latest such moment (`23:55` just after midnight is yesterday) |
| `11:10 EST`, `11:10 America/New_York`, `14:05Z` | that time in that zone (IANA names; EST EDT CST CDT MST MDT PST PDT BST IST CET CEST EET JST AEST UTC Z …) |
| `-5m`, `-90s`, `-1h30m`, `-2d` | it happened that long ago |
| `2025-11-27 14:05` | a full date and time (in your zone unless a zone follows) |
| `!` | pin it as a key moment |
| `/impact` | users were first affected (sets impact started) |
| `/detect` | detected (sets detected) |
| `/ack` | acknowledged (sets acknowledged) |
| `/mitigate` | mitigated: sets mitigated, status `monitoring` |
| `/resolve` | resolved: sets resolved, status `resolved` |
| `/escalate` `/deploy` `/decision` `/comms` `/action` | the kind of event (default: note); the names the timeline shows work too (`/escalation`) |
| `/ack!`, `/detect!` … | move a milestone that is already set to this event |
| `--` | the rest is text (for text starting with `/` or `!`) |

Example: `-10m ! /mitigate rolled back to v2.3.0`. A future or unreadable time
is refused with the reason and the text stays in the line; a mistyped kind gets
the closest one suggested. A milestone keeps its **first** time: a second
`/ack` is logged as an event and the message says the milestone stays; `/ack!`
moves it. A typed time more than 12 hours back, or before the incident started
(before impact, or before the declaration when no impact is logged), is asked
about before it is saved: it is usually the wrong zone or day.

A multi-line paste stays whole, each line marked `⏎`: **Enter** logs one event
per line (all or none), **ctrl+j** logs them as one multi-line event. A long or
multi-line event is shown in full under the timeline when it is highlighted.

### Keys

Nothing you type is ever taken as a command: every letter, digit or sign typed
while the timeline has the focus goes to the capture line. The keys below are
ones that cannot be text.

| key | does |
| --- | --- |
| `enter` | (capture line) log the line, one event per line |
| `ctrl+j` | (capture line) log several pasted lines as one event |
| `up` | (capture line) pick an event: the newest one on screen |
| `escape` | (timeline) back to the capture line; (capture line, when empty) back to the incident list |
| `up` `down` `pageup` `pagedown` `home` `end` | (timeline) move the cursor |
| `enter` | (timeline) edit the highlighted event: text, time, kind (old version kept) |
| `delete` / `ctrl+d` | (timeline) delete the highlighted event; a milestone event asks first |
| `ctrl+b` | (timeline) pin or unpin the highlighted event |
| `ctrl+z` | (timeline) bring back the last deleted event (the message names it) |
| `ctrl+s` | change status |
| `ctrl+l` | change severity (level) |
| `ctrl+o` | change commander (owner) |
| `ctrl+r` | change title (rename) |
| `ctrl+t` | postmortem triggers (customer-facing, data loss, on-call escalation, security, near miss, toil) |
| `ctrl+n` | open the postmortem (started, pre-filled from the incident, on first use) |
| `ctrl+p` | the palette: the same changes by name, and undo |
| `ctrl+q` | quit; with unlogged text anywhere it asks first, and `ctrl+q` again means stay |
| `F1` | this help |

Status, severity, commander and title changes are recorded as `status` events.
Deleting a milestone event (`/resolve`, `/mitigate`, …) hands its milestone to
the first remaining event of that kind, or clears it and steps the status back;
`ctrl+z` brings both back. Setting an active status on a resolved incident
reopens it: the resolution time is cleared and the clock runs again. In the
edit dialog a bare time such as `14:05` is on the event's own day.
"""
