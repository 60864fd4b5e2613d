"""Word lists and the small token-level judgements the checks rely on:
is a word a person, a role or a system; is it a past participle."""

from __future__ import annotations

import re

from .model import first_names

SYSTEM_NOUNS = frozenset(
    """
service job check query node pipeline replica server host cluster pod container
deploy deployment migration script cron cronjob alert alerting monitor monitoring
dashboard balancer database db cache queue process daemon controller
scheduler config configuration change commit release build test suite canary
rollout probe proxy gateway api endpoint request client app application system
tool tooling bot automation runbook playbook terraform ansible kubernetes k8s
jenkins github gitlab ci cd postgres postgresql mysql redis kafka nginx envoy
haproxy consul vault etcd disk volume network dns cert certificate function
lambda backup snapshot index table schema shard primary leader follower instance
vm machine version library dependency package firewall policy retry timeout
limit quota flag form ui button pager alarm metric log graph thread loop handler
webhook provider region zone datacenter storage bucket s3 cdn router switch link
code patch fix hotfix upgrade update cutover failover rule task step workflow
retries replication replicas import export batch sync agent exporter prometheus
grafana pagerduty slack helm argocd argo chart manifest template feature mesh
istio linkerd rabbitmq elasticsearch opensearch cassandra mongodb dynamodb
memcached celery sidekiq airflow spark docker image registry runner action
lock mutex connection pool socket session token key secret cron-job healthcheck
health-check autoscaler scaler hpa outage incident error bug issue regression
problem spike load traffic it this which staging production prod environment
cert-manager operator-sdk library sdk cli command wizard ticket pr mr
attacker hacker adversary actor malware virus worm spammer bot botnet crawler
scraper luck chance weather storm lightning fire flood earthquake power grid
demand usage it's that's there's here's what's
""".split()
)
"""Nouns naming systems, artefacts and events (singular; plurals are folded)."""

ROLE_NOUNS = frozenset(
    """
engineer developer dev operator on-call oncall on-caller responder admin
administrator sre dba intern contractor someone somebody person people reviewer
approver author owner manager anyone anybody everyone everybody lead team squad staff employee human whoever
nobody ic commander maintainer teammate colleague coworker co-worker newcomer
new-hire hire analyst tester programmer architect founder cto vp
technician tech techie employee worker guy officer crew sysadmin junior newbie
newcomer dude individual manager boss supervisor executive ceo cio cxo
wanker idiot moron fool yahoo clown muppet cowboy personnel lineman electrician
staffer
management human humans user operator admin deployer committer coder
""".split()
)
"""Nouns naming a person by their role (singular; plurals are folded)."""

TEAM_NOUNS = frozenset(
    """
team squad company org organisation organization department group vendor
contractor provider management utility operator firm business employer
society association agency authority council government regulator airline
bank registrar hospital school university corporation
""".split()
)
"""Nouns naming a group of people that can be the actor of a counterfactual."""

PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you"})
"""Subject pronouns that refer to people (``they`` is left undecided)."""

THIRD_PERSON = frozenset({"he", "she"})
ACTOR_PRONOUNS = frozenset({"he", "she", "you"})
"""Pronouns that make someone else the actor of a counterfactual."""
"""Pronouns that point at one other person, treated like a role noun."""

ACRONYMS = frozenset(
    """
DNS CDN API CPU RAM OOM LB DB CI CD VM AWS GCP TLS SSL QA HA ELB ALB NLB RDS EC
IAM VPC BGP NTP SQL JVM GC MQ PR MR SLO SLA SLI NAT TTL URL UI UX HTTP TCP UDP
IP SSH SSO JWT CSV ETL OS GPU IO RPC MTU ACL CRD PVC PV KMS SNS SQS EKS GKE AKS
ECS EFS DR RTO RPO ID UTC ETA NFS LDAP SMTP YAML JSON XML REST GRPC HTTPS CLI
SDK OK IT ASAP FYI TBD TODO RCA ICS
""".split()
)
"""Upper-case words that are technology, not somebody's initials."""

STOP_CAPS = frozenset(
    """
the a an this that these those then after before when while once if it its we
our they their there here his her he she i you your my so but and or yet also
during since until because although though however meanwhile later earlier
finally first next last today yesterday tomorrow at in on of by for with from to
as all some any no none each every both either neither most many much more less
what which who whom whose why how where unfortunately fortunately luckily
eventually initially subsequently instead still only even just already again
around about over under within without between among into onto upon per via
monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december customers users
everyone anyone nothing something
""".split()
)
"""Capitalised words that start sentences but are not names."""

SKIP_WORDS = frozenset(
    """
should could would might must may can will shall did do does had has have was
were is are be been being not n't never also then accidentally mistakenly again
still just simply inadvertently unfortunately apparently already even really
actually clearly obviously once quickly later first finally immediately always
carelessly hastily manually ultimately eventually then wrongly incorrectly
""".split()
)
"""Auxiliaries and adverbs skipped when looking left for the subject."""

IRREGULAR_PARTICIPLES = frozenset(
    """
known seen caught done run read taken written gone spoken told thought made sent
built kept left found brought held set put shut let given chosen understood
woken withdrawn undone begun drawn driven eaten fallen forgotten frozen got
gotten hidden ridden risen shaken stolen sworn torn thrown worn broken paid
heard meant lost won sat stood taught fought bought sought felt dealt slept
spent lent bent rung sung hung struck split spread cut hit hurt quit
""".split()
)
"""Past participles that do not end in -ed."""

NOT_PARTICIPLES = frozenset(
    {"red", "need", "speed", "feed", "seed", "bed", "hundred", "embed", "shed", "bled", "fed", "wed", "had", "been"}
)
"""Words ending in -ed that are not verbs (or are handled elsewhere)."""

ADJECTIVAL = frozenset(
    """
automated dedicated isolated managed detailed advanced integrated improved
enhanced increased reduced limited extended centralized centralised structured
versioned scheduled distributed shared signed pinned tiered mixed nested named
fixed documented tested staged gated rehearsed written
""".split()
)
"""Participles that usually modify a following noun ("automated alerting")."""

CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|or|but|because|so|when|after|before|while|since|"
    r"although|though|once|until|whereas)\b",
    re.IGNORECASE,
)
TOKEN = re.compile(r"@[\w.-]+|[^\W\d_](?:[\w'’.-]*\w)?\.?")
INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]\.[A-Z]$|^[A-Z]{2,3}$")
NAME = re.compile(r"^[A-Z][^\W\d_A-Z]+$")
K8S_CONTEXT = re.compile(
    r"\b(?:CRDs?|custom\s+resources?|pods?|reconcil\w*|PVCs?|namespaces?|helm|"
    r"kubernetes|k8s|statefulsets?|operators?\s+pattern)\b",
    re.IGNORECASE,
)
K8S_WORDS = frozenset({"kubernetes", "k8s", "cluster", "postgres", "etcd", "prometheus"})


WORKER_SOFTWARE = frozenset(
    """
celery sidekiq background queue job build async gunicorn uwsgi web kafka rq resque
thread cloudflare service consumer task cron
""".split()
)
"""Words before "worker" that make it a process, not a person."""


def fold(word: str) -> str:
    """Lower-case a word and fold a plural ``-s`` away for list look-ups."""
    low = word.lower().rstrip(".")
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def is_participle(word: str) -> bool:
    """True for a verb's past participle ("checked", "known")."""
    low = word.lower()
    if low in NOT_PARTICIPLES:
        return False
    return (len(low) > 3 and low.endswith("ed")) or low in IRREGULAR_PARTICIPLES


def _is_name(word: str, vocabulary: frozenset[str], previous: str = "") -> bool:
    """A person's name: initials, a common first name (from the generated
    lexicon, not any capitalised word), or a capitalised word right after a
    role noun ("engineer Dana")."""
    if word.lower() in vocabulary or word.lower() in STOP_CAPS:
        return False
    if INITIALS.match(word):
        return word.rstrip(".").replace(".", "") not in ACRONYMS
    if not NAME.match(word):
        return False
    return word.lower() in first_names() or fold(previous) in ROLE_NOUNS


def _system_qualifier(previous: str) -> bool:
    """True when the word before "operator" makes it software ("Kafka operator")."""
    capital = previous[:1].isupper() and previous.lower() not in STOP_CAPS
    return capital or fold(previous) in K8S_WORDS


def classify(word: str, previous: str, vocabulary: frozenset[str]) -> str | None:
    """Say what a token refers to: ``named`` (a name, @handle or initials),
    ``role``, ``pronoun``, ``system`` or None when it cannot tell."""
    if word.startswith("@"):
        return "named"
    low, folded = word.lower().rstrip("."), fold(word)
    if low in vocabulary or folded in vocabulary:
        return "system"
    if folded == "operator" and _system_qualifier(previous):
        return "system"
    if folded == "worker" and fold(previous) in WORKER_SOFTWARE:
        return "system"
    if folded in SYSTEM_NOUNS or low in SYSTEM_NOUNS:
        return "system"
    if folded in ROLE_NOUNS or low in ROLE_NOUNS:
        return "role"
    if low in PERSON_PRONOUNS:
        return "pronoun"
    if low in ("they", "them"):
        return "they"  # undecided: a person or a system
    if folded in TEAM_NOUNS:
        return "team"
    return "named" if _is_name(word.rstrip(".") if not INITIALS.match(word) else word, vocabulary, previous) else None


RELATIVE = frozenset({"which", "that", "who", "whom", "whose", "where"})
DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "its",
        "their",
        "our",
        "my",
        "his",
        "her",
        "your",
        "some",
        "every",
        "each",
    }
)
"""A clause with a determiner has a noun phrase of its own: do not step past it."""
STEP_BREAKS = re.compile(r"^(?:[,()\u2014\u2013]|\s-\s|and|or)$", re.IGNORECASE)
"""Breaks a subject search may step back over (apposition, coordination)."""
MAX_CLAUSES = 4


def _clauses(left: str) -> list[tuple[str, str]]:
    """The clauses left of a verb, nearest first, each with the break that
    opens it ("" for the first)."""
    breaks = list(CLAUSE_BREAK.finditer(left))
    starts = [(0, "")] + [(m.end(), m.group().strip() or m.group()) for m in breaks]
    ends = [m.start() for m in breaks] + [len(left)]
    pairs = [(left[start:end], opener) for (start, opener), end in zip(starts, ends, strict=False)]
    return pairs[::-1][:MAX_CLAUSES]


def _first_kind(tokens: list[str], order, vocabulary) -> tuple[str | None, str]:
    for index in order:
        word = tokens[index]
        if word.lower() in SKIP_WORDS or word.lower().endswith(("'s", "’s")):
            continue
        kind = classify(word, tokens[index - 1] if index else "", vocabulary)
        if kind is not None:
            return kind, word
    return None, ""


def _verbal(word: str) -> bool:
    low = word.lower()
    return low.endswith("ing") and len(low) > 4 or is_participle(low)


def subject_of(left: str, vocabulary: frozenset[str] = frozenset(), from_start: bool = False) -> tuple[str | None, str]:
    """Find the subject of a verb from the text left of it.

    Returns the kind (see ``classify``) and the word. Walks leftwards from
    the verb (or rightwards from the clause start when ``from_start``),
    skipping auxiliaries, adverbs and possessives, and stops at the first
    word it can classify. When the verb's own clause names nobody
    ("…, had accidentally deleted"), it steps back over an appositive,
    a relative clause or a coordinated verb ("X, working late, deleted";
    "X brought a drill, destroyed disks and crashed") to the clause before.
    """
    for number, (clause, opener) in enumerate(_clauses(left)):
        tokens = TOKEN.findall(clause)
        if number and tokens and (tokens[0].lower() in RELATIVE or _verbal(tokens[0])):
            from_start = True  # "X brought a drill, destroyed disks and crashed": X opens it
            continue  # a relative clause, an appositive "working late", a coordinated verb
        order = range(len(tokens)) if from_start else range(len(tokens) - 1, -1, -1)
        kind, word = _first_kind(tokens, order, vocabulary)
        if kind is not None or not STEP_BREAKS.match(opener or "x"):
            return kind, word
        if any(t.lower() in DETERMINERS for t in tokens):
            return None, ""
        # the subject of a coordinated verb opens the clause before; next to
        # an aside in brackets or commas it stands right before it
        from_start = opener.lower() in ("and", "or")
    return None, ""


def software_operator(word: str, sentence: str) -> bool:
    """An "operator" in a sentence about Kubernetes resources is software."""
    return fold(word) == "operator" and K8S_CONTEXT.search(sentence) is not None


def matches_subject(requirement: str, kind: str | None, word: str) -> bool:
    """Whether a found subject satisfies a rule's ``subject`` requirement."""
    if requirement == "named":
        return kind == "named"
    if requirement == "role":
        return kind == "role" or word.lower() in THIRD_PERSON
    if requirement == "other":
        return kind in ("named", "role") or word.lower() in THIRD_PERSON
    if requirement == "person":
        return kind in ("named", "role", "pronoun", "team")
    if requirement == "addressee":  # someone asked to account for themselves
        return kind in ("named", "role", "team", "they") or word.lower() in ACTOR_PRONOUNS
    if requirement == "agent":  # anyone who can act by mistake, "they" included
        return kind in ("named", "role", "pronoun", "team", "they")
    if requirement == "actor":  # someone else, a role or a team; not "I"/"we"
        return kind in ("named", "role", "team") or word.lower() in ACTOR_PRONOUNS
    return kind != "system"  # not_system


def verbal_participle(word: str, following: str) -> bool:
    """A participle used as a verb ("should have automated the check"),
    not as an adjective before a noun ("should have automated alerting")."""
    if not is_participle(word):
        return False
    if word.lower() not in ADJECTIVAL:
        return True
    nxt = TOKEN.match(following.lstrip())
    return nxt is None or nxt.group().lower() in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(
    """
the a an this that these those it them him her us me its their our his my your
to for in on at by with from of up down back out off over into onto before after
earlier sooner first again properly and or but
""".split()
)
