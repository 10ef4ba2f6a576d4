"""A large, realistic, bilingual interchange document for the benchmark (and, small, for tests).

    python -m tests.bench.generate OUT.json [--events N --people N --attendances N --certificates N]

Chinese and English names and titles, partial dates (a year, a month or a day), cities with their
provinces, sub-events, organisers, attendees with roles, certificates of every kind. Deterministic
for a given seed."""
from __future__ import annotations

import argparse
import random
import uuid
from pathlib import Path

from db.interchange import FORMAT, VERSION, _dump

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉文晓进蕊晶婷雪琳建国海燕"
EN_FIRST = ["Anna", "Thomas", "Julia", "Michael", "Sabine", "Stefan", "Laura", "Peter", "Claudia",
            "Markus", "Sophie", "Daniel", "Katrin", "Jonas", "Eva", "Lukas", "Maria", "Felix"]
EN_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Smith", "Brown"]
POSITIONS = [("院长", "Dean"), ("副院长", "Vice Dean"), ("处长", "Director"), ("科员", "Officer"),
             ("教授", "Professor"), ("讲师", "Lecturer"), ("主任", "Head of Office"),
             (None, "Project Manager"), (None, "Managing Director"), (None, "Counsellor")]
CITIES = [("长沙", "Changsha", "Hunan"), ("常州", "Changzhou", "Jiangsu"), ("无锡", "Wuxi", "Jiangsu"),
          ("北京", "Beijing", "Beijing"), ("上海", "Shanghai", "Shanghai"), ("深圳", "Shenzhen", "Guangdong"),
          ("杭州", "Hangzhou", "Zhejiang"), ("成都", "Chengdu", "Sichuan"), ("武汉", "Wuhan", "Hubei"),
          ("南京", "Nanjing", "Jiangsu"), ("天津", "Tianjin", "Tianjin"), ("青岛", "Qingdao", "Shandong")]
GERMAN_CITIES = ["Berlin", "Munich", "Hamburg", "Stuttgart", "Düsseldorf", "Frankfurt", "Leipzig"]
TOPICS = [("职业教育", "Vocational Education"), ("产教融合", "Industry-Education Integration"),
          ("双元制", "Dual System"), ("国际合作", "International Cooperation"),
          ("人才培养", "Talent Training"), ("智能制造", "Intelligent Manufacturing"),
          ("实习就业", "Internship and Employment"), ("技能认证", "Skills Certification")]
EVENT_FORMS = [("国际会议", "International Conference", "conference"), ("研讨会", "Seminar", "seminar"),
               ("论坛", "Forum", "conference"), ("签约仪式", "Signing Ceremony", "ceremony"),
               ("代表团访问", "Delegation Visit", "visit"), ("博览会", "Expo", "exhibition"),
               ("培训班", "Training Course", "training"), ("工作会议", "Working Meeting", "meeting")]
ORG_FORMS = [("职业技术学院", "Vocational and Technical College", "college"),
             ("商会", "Chamber of Commerce", "chamber"), ("联盟", "Alliance", "alliance"),
             ("有限公司", "Co., Ltd.", "company"), ("教育厅", "Department of Education", "ministry")]
CERT_FORMS = [("证书", "Certificate", "certificate"), ("牌匾", "Plaque", "plaque"),
              ("奖状", "Award", "award"), ("会员证", "Membership", "membership"),
              ("授权书", "Licence", "licence"), ("感谢信", "Letter of Thanks", "letter")]
ROLES = ["delegate"] * 6 + ["speaker", "keynote", "guest", "organiser"]


class _Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.clock = 1_500_000_000  # seconds since the epoch, moving forward

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamps(self) -> dict:
        import datetime as dt

        self.clock += self.rng.randint(1, 600)
        created = dt.datetime.fromtimestamp(self.clock, dt.timezone.utc)
        updated = created + dt.timedelta(seconds=self.rng.randint(0, 10_000))
        fmt = "%Y-%m-%dT%H:%M:%S.%fZ"
        return {"created_at": created.strftime(fmt), "updated_at": updated.strftime(fmt),
                "deleted_at": None}

    def date(self) -> str:
        year = self.rng.randint(2005, 2024)
        r = self.rng.random()
        if r < 0.1:
            return str(year)
        if r < 0.25:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


def generate(path: str | Path, events: int = 100_000, people: int = 20_000,
             attendances: int = 1_000_000, certificates: int = 50_000, seed: int = 1,
             organisations: int | None = None) -> Path:
    """Write an interchange document of this size to `path`; return the path."""
    g = _Gen(seed)
    rng = g.rng
    n_orgs = organisations if organisations is not None else max(5, min(2000, people // 10))
    orgs = []
    for i in range(n_orgs):
        zh_city, en_city, _ = rng.choice(CITIES)
        zh_form, en_form, kind = rng.choice(ORG_FORMS)
        german = rng.random() < 0.2
        orgs.append({"uuid": g.uuid(), **g.stamps(),
                     "name_zh": None if german else f"{zh_city}{rng.choice(TOPICS)[0]}{zh_form}",
                     "name_en": f"{rng.choice(GERMAN_CITIES) if german else en_city} {en_form} {i}",
                     "abbreviation": None, "kind": kind,
                     "country": "Germany" if german else "China", "website": None, "notes": None})
    persons = []
    for i in range(people):
        foreign = rng.random() < 0.3
        pos = rng.choice(POSITIONS)
        if foreign:
            zh, en = None, f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
        else:
            zh = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            en = None if rng.random() < 0.5 else f"Person {i}"
        persons.append({"uuid": g.uuid(), **g.stamps(), "name_zh": zh, "name_en": en,
                        "position": pos[0] if zh and pos[0] else pos[1],
                        "organisation": rng.choice(orgs)["uuid"], "is_staff": rng.random() < 0.1,
                        "email": f"p{i}@example.org" if rng.random() < 0.3 else None,
                        "phone": None, "notes": None})
    evs, organisers = [], []
    for i in range(events):
        zh_city, en_city, region = rng.choice(CITIES)
        zh_topic, en_topic = rng.choice(TOPICS)
        zh_form, en_form, kind = rng.choice(EVENT_FORMS)
        start = g.date()
        edition = rng.randint(1, 12) if rng.random() < 0.3 else None
        parent = evs[-rng.randint(1, min(len(evs), 20))]["uuid"] if evs and rng.random() < 0.1 else None
        ev = {"uuid": g.uuid(), **g.stamps(),
              "title_zh": None if rng.random() < 0.15 else f"{start[:4]}年{zh_city}{zh_topic}{zh_form}",
              "title_en": None if rng.random() < 0.15 else f"{start[:4]} {en_city} {en_topic} {en_form}",
              "kind": kind, "edition": f"{edition}" if edition else None, "parent": parent,
              "start_date": start, "end_date": None, "city": en_city, "region": region,
              "country": "China", "venue": None,
              "summary": f"{zh_topic}交流活动。 An exchange on {en_topic.lower()}." if rng.random() < 0.3 else None,
              "notes": None}
        if not ev["title_zh"] and not ev["title_en"]:
            ev["title_en"] = f"Event {i}"
        evs.append(ev)
        for org in rng.sample(orgs, rng.randint(0, 2)):
            organisers.append({"uuid": g.uuid(), **g.stamps(), "event": ev["uuid"],
                               "organisation": org["uuid"],
                               "role": rng.choice(["organiser", "co-organiser", "host", "supporter"]),
                               "notes": None})
    atts = []
    if events and people:
        per_event, extra = divmod(attendances, events)
        for i, ev in enumerate(evs):
            k = min(people, per_event + (1 if i < extra else 0))
            for person in rng.sample(range(people), k):
                atts.append({"uuid": g.uuid(), **g.stamps(), "event": ev["uuid"],
                             "person": persons[person]["uuid"], "role": rng.choice(ROLES),
                             "notes": None})
    certs = []
    for i in range(certificates):
        zh_topic, en_topic = rng.choice(TOPICS)
        zh_form, en_form, kind = rng.choice(CERT_FORMS)
        issued = g.date()
        to_person = persons and rng.random() < 0.2
        certs.append({"uuid": g.uuid(), **g.stamps(),
                      "title_zh": f"{zh_topic}{zh_form}", "title_en": f"{en_topic} {en_form}",
                      "kind": kind, "issuer": rng.choice(orgs)["uuid"],
                      "recipient": None if to_person else "WIST",
                      "recipient_person": rng.choice(persons)["uuid"] if to_person else None,
                      "event": rng.choice(evs)["uuid"] if evs and rng.random() < 0.7 else None,
                      "issued_on": issued, "valid_from": None,
                      "valid_until": str(int(issued[:4]) + 3) if rng.random() < 0.3 else None,
                      "number": f"No. {issued[:4]}-{i:06d}", "notes": None})
    doc = {"format": FORMAT, "version": VERSION, "exported_at": "2024-01-01T00:00:00.000000Z",
           "organisations": orgs, "people": persons, "events": evs, "organisers": organisers,
           "attendances": atts, "certificates": certs, "attachments": [], "history": []}
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        _dump(doc, fh)
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--people", type=int, default=20_000)
    p.add_argument("--attendances", type=int, default=1_000_000)
    p.add_argument("--certificates", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    generate(a.out, events=a.events, people=a.people, attendances=a.attendances,
             certificates=a.certificates, seed=a.seed)


if __name__ == "__main__":
    main()
