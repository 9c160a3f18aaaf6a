"""Headings and Q&A turns — and label lines that must not become turns."""

from __future__ import annotations

import pytest

from articlekit.structure.segment import is_heading, segment_sections
from conftest import paragraph


def _sections(lines: list[str]):  # type: ignore[no-untyped-def]
    return segment_sections([paragraph(t, i) for i, t in enumerate(lines)])


def test_interview_with_role_labels_becomes_qa() -> None:
    sections = _sections(
        [
            "记者：您为什么选择回国创业？能谈谈当时的考虑吗？",
            "张教授：主要是因为国内的市场更大，机会也更多。",
            "记者：遇到过哪些困难？",
            "张教授：最大的困难是招人，好的工程师很难找。",
            "我们花了两年时间才组建起完整的团队。",
        ]
    )
    assert [s.kind for s in sections] == ["qa"]
    turns = sections[0].turns
    assert [t.speaker for t in turns] == ["记者", "张教授", "记者", "张教授"]
    assert turns[-1].text.endswith("完整的团队。") and "\n\n" in turns[-1].text


def test_english_q_and_a() -> None:
    sections = _sections(["Q: What changed this year?", "A: Almost everything, frankly.", "Q: Why?",
                          "A: Because the market moved faster than we did."])  # fmt: skip
    assert sections[0].kind == "qa" and [t.speaker for t in sections[0].turns] == [
        "Q",
        "A",
        "Q",
        "A",
    ]


def test_label_value_lines_are_not_turns() -> None:
    sections = _sections(
        [
            "时间：2024年6月15日 上午9点",
            "地点：北京国际会议中心",
            "主持人：王五",
            "来源：某某网",
            "会议将讨论人工智能的最新进展，欢迎大家参加。",
        ]
    )
    assert all(s.kind == "lecture" for s in sections)


def test_heading_opens_a_lecture_section() -> None:
    sections = _sections(
        ["开场白，介绍今天的主题和嘉宾。", "第一部分", "这一部分讲述了模型的训练方法和结果。"]
    )
    assert [(s.kind, s.heading) for s in sections] == [("lecture", None), ("lecture", "第一部分")]


def test_one_speaker_label_is_not_an_interview() -> None:
    sections = _sections(["编者按：本文讲述了一个故事。", "故事的开头是这样的，很久以前。"])
    assert sections[0].kind == "lecture"


def test_programme_lines_naming_people_are_not_turns() -> None:
    sections = _sections(
        [
            "主持人：张三",
            "嘉宾：李四、王五",
            "记者：赵六",
            "主持人：张三",
            "本次论坛讨论了人工智能的发展前景，气氛热烈。",
        ]
    )
    assert all(s.kind == "lecture" for s in sections)


def test_named_speakers_alternating_become_qa() -> None:
    sections = _sections(
        [
            "Jane Doe: What drew you to this field in the first place?",
            "John Roe: Curiosity, mostly. I wanted to know how things worked.",
            "Jane Doe: And what keeps you here?",
            "John Roe: The people. They are the best part of the job.",
        ]
    )
    assert [s.kind for s in sections] == ["qa"]
    assert [t.speaker for t in sections[0].turns] == ["Jane Doe", "John Roe"] * 2


def test_the_title_is_not_an_entry_of_a_most_read_list_above_it() -> None:
    """A sidebar's headlines with their comment counts come right before the article's
    own headline in copied text; the counts mark them as list entries."""
    from articlekit import clean

    page = "\n".join(
        [
            "Most Commented",
            "A linebacker should expect a significant suspension in the coming days (148)",
            "Reports: the quarterback will be fined for his part in the fight (145)",
            "8. 推荐：新鲜出炉的正宗意大利餐(6)",
            "The coach: “We needed to win this game”",
            "The coach recognizes that his team’s playoff hopes are somewhere between slim "
            "and none after Monday night’s loss, which left them at four wins and seven losses.",
            "He said after the game that winning on Monday was the most important step "
            "toward getting back into the playoff race, and instead they lost by a touchdown.",
        ]
    )
    assert clean(page).title == "The coach: “We needed to win this game”"


PROSE_ZH = "这是正文的第一段，它足够长，也有标点符号，读起来像一篇真正的文章。" * 2


@pytest.mark.parametrize(
    "above",
    [
        ["新闻 体育 NBA 娱乐 财经 股票 汽车 科技 手机"],  # a menu row
        ["首页|新闻|图片|评论|共青团|娱乐|时尚"],  # a menu row with bars
        ["首页 > 教育资讯 > 正文"],  # a breadcrumb
        ["20190926|国贸|增长率|全球经济"],  # a tag row
    ],
    ids=["menu", "menu-bars", "breadcrumb", "tags"],
)
def test_the_raw_text_title_is_the_line_above_the_dateline(above: list[str]) -> None:
    """Copied page text puts menus, breadcrumbs, share labels and photo credits next to
    the headline; the headline is the line the date, source or byline follows."""
    from articlekit import clean

    page = "\n".join(
        [
            *above,
            "海外留学生看两会：出国前后关注点大不同",
            "2017-03-10 08:42:00 来源：人民日报海外版",
            "QQ好友",
            "图为留学生在悉尼游玩时的近影。（刘通摄）",
            PROSE_ZH,
            PROSE_ZH,
        ]
    )
    assert clean(page).title == "海外留学生看两会：出国前后关注点大不同"


def test_a_photo_credit_above_the_date_is_not_the_title() -> None:
    from articlekit import clean

    prose = (
        "It has been a rough year at the movies for the studio, and its television shows "
        "keep winning the audiences that its films keep losing, week after week."
    )
    page = "\n".join(
        [
            "The Secret to Superhero TV",
            "By Abraham Riesman",
            "Illustration by John Ritter",
            "Sept. 7, 2016",
            prose,
            prose,
        ]
    )
    assert clean(page).title == "The Secret to Superhero TV"


_ANSWER = (
    "It grew out of the work we had been doing for years, and the audience followed "
    "us because the stories were honest about what the characters wanted."
)
_QUESTIONS = [
    "What drew you to these characters in the first place?",
    "Did the network push back on that?",
    "How do you keep so many shows in your head at once?",
    "You were seeing things that were not on the page.",
    "What comes next for you?",
    "Would you do it all again?",
]


def test_an_interview_without_labels_is_questions_and_answers() -> None:
    """Bold question, plain answer (or a question line above its answer in copied text):
    the labels are gone, the rhythm of the exchange is not."""
    intro = "The producer has four shows on the air. " * 3
    lines = [intro.strip()]
    for question in _QUESTIONS:
        lines += [question, _ANSWER]
    lines.append("This article appears in the September issue of the magazine.")
    sections = segment_sections([paragraph(t, i) for i, t in enumerate(lines)])
    assert [s.kind for s in sections] == ["lecture", "qa", "lecture"]
    turns = sections[1].turns
    assert [t.speaker for t in turns] == ["Q", "A"] * len(_QUESTIONS)
    assert [t.text for t in turns[::2]] == _QUESTIONS


@pytest.mark.parametrize(
    "lines",
    [
        [f'"{q}" said the clerk.' if i % 2 else f'"{q}"' for i, q in enumerate(_QUESTIONS * 2)],
        [t for q in _QUESTIONS[:4] for t in (q, _ANSWER, _ANSWER)],
    ],
    ids=["story-dialogue", "rhetorical-questions"],
)
def test_questions_that_do_not_alternate_stay_prose(lines: list[str]) -> None:
    sections = segment_sections([paragraph(t, i) for i, t in enumerate(lines)])
    assert all(s.kind == "lecture" for s in sections)


def test_reporter_questions_are_turns_and_the_reporter_credit_is_metadata() -> None:
    """`记者：…？` questions were removed as metadata lines, so the answers stayed plain
    paragraphs; `记者：李明` is still the byline, and `来源：某报` names the site."""
    from articlekit import clean

    page = "\n".join(
        [
            "专访张伟：人工智能的下一个十年",
            "2024-01-12 来源：某报",
            "记者：李明",
            "张伟是国内知名的人工智能研究者，近日他接受了本报记者的专访，谈到了行业的现状与未来。",
            "记者：您认为人工智能在未来十年会有哪些突破？",
            "张伟：我认为最大的突破会出现在推理能力上，模型会越来越擅长解决复杂的问题。",
            "记者：这对普通人意味着什么？",
            "张伟：意味着很多重复性的工作会被替代，但也会出现许多新的职业和机会。",
        ]
    )
    article = clean(page)
    qa = [s for s in article.sections if s.kind == "qa"]
    assert len(qa) == 1 and [t.speaker for t in qa[0].turns] == ["记者", "张伟"] * 2
    assert qa[0].turns[0].text == "您认为人工智能在未来十年会有哪些突破？"
    assert article.authors == ("李明",) and article.site == "某报"


_SAID = "Because the work matters, and the people who do it deserve to be seen for it."


@pytest.mark.parametrize(
    ("lines", "speakers"),
    [
        (["Q. Why did you start?", f"A. {_SAID}", "Q. What next?", f"A. {_SAID}"], ["Q", "A"] * 2),
        (
            [
                "问、您为什么创业？",
                "答、因为这件事情很重要，值得去做。",
                "问、下一步呢？",
                "答、继续做下去，服务好每一个用户。",
            ],
            ["问", "答"] * 2,
        ),
        (
            [
                "Jane Doe: Why did you start the company in the first place?",
                f"John Roe: {_SAID}",
                "Q: What next for you?",
                f"A: {_SAID}",
                "Q: Any regrets?",
                f"A: {_SAID}",
            ],
            ["Jane Doe", "John Roe", "Q", "A", "Q", "A"],
        ),
        (
            ["Why did you start the company?", f"A: {_SAID}", "What comes next?", f"A: {_SAID}"],
            ["Q", "A"] * 2,
        ),
        (
            [
                "《财经周刊》：您为什么选择在这个时候创业？",
                "王五：因为时机已经成熟，市场也准备好了。",
                "《财经周刊》：接下来有什么计划？",
                "王五：继续扩大团队，把产品做得更好。",
            ],
            ["《财经周刊》", "王五"] * 2,
        ),
    ],
    ids=[
        "Q-full-stop",
        "cjk-enumeration-comma",
        "full-names-first",
        "lone-answer-label",
        "publication-in-title-brackets",
    ],
)
def test_label_styles_beyond_the_colon(lines: list[str], speakers: list[str]) -> None:
    sections = segment_sections([paragraph(t, i) for i, t in enumerate(lines)])
    assert [s.kind for s in sections] == ["qa"]
    assert [t.speaker for t in sections[0].turns] == speakers


def test_a_labelled_heading_beside_a_turn_is_not_a_speaker() -> None:
    """`巅峰对话：A 对话 B` heads a talk; it speaks no sentence."""
    lines = [
        "巅峰对话：张三 对话 李四",
        "张三：我们先从最基本的问题开始，你为什么选择这个方向？",
        "李四：因为我觉得这个方向最有希望，也最有意思。",
        "张三：那么接下来的计划是什么？",
        "李四：继续把模型做大，同时把数据做好。",
    ]
    sections = segment_sections([paragraph(t, i) for i, t in enumerate(lines)])
    assert [t.speaker for s in sections for t in s.turns] == ["张三", "李四"] * 2


@pytest.mark.parametrize("line", ["3", "(12)", "Photographs by Nathaniel Wood", "Photo: staff"])
def test_numbers_and_credits_are_never_headings(line: str) -> None:
    prose = paragraph("The studio has four shows on the air this season, and all of them do well.")
    assert not is_heading(paragraph(line), prose)


def test_a_feed_of_timestamped_headlines_after_the_article_is_chrome() -> None:
    from articlekit import clean

    prose = (
        "It has been a rough year at the movies for the studio, and its television shows "
        "keep winning the audiences that its films keep losing, week after week."
    )
    feed = [
        "The Latest",
        "1.5x speed 27 mins ago",
        "respect the classics 1:07 p.m.",
        "mental health 1:07 p.m.",
        "overnights Yesterday at 10:35 p.m.",
    ]
    text = clean("\n".join(["The Secret to Superhero TV", prose, prose, *feed])).to_text()
    assert prose in text and not any(row in text for row in feed[1:])


def test_a_short_english_sentence_is_not_a_heading() -> None:
    """Sentences of up to 40 words ending in a full stop were promoted to `##` before a
    longer paragraph: a third of the English dev pages' headings."""
    short = paragraph("An Alibaba spokesperson declined to comment on the pricing to Reuters.")
    longer = paragraph(
        "Alibaba shares closed in New York on Tuesday at $185.25, up 0.35%, and the company "
        "is set to raise up to $12.9bn from its listing in Hong Kong later this month."
    )
    assert not is_heading(short, longer)
    assert is_heading(paragraph("What comes next"), longer)


_TRANSCRIPT = [
    "Funding for the rowing team was cut by a third this year, and former champions say "
    "the sport will pay for it at the next Games.",
    "Jane Roe",
    "Transcript",
    "TOM HOST: The rowing team has lost a third of its funding. Jane Roe reports.",
    "JANE ROE: It has been a hard year for rowing since the team came home without a medal.",
    "SAM OARS: It is a shame, but I do not think it is the end of the sport in this country.",
    "JANE ROE: Do you think the cut is a punishment for the last Games?",
    "Photographs by Photo: Some Photographer",
    "SAM OARS: Reading between the lines, you could come to that opinion, certainly.",
]


def test_a_line_naming_a_speaker_is_a_byline_and_a_credit_between_turns_is_dropped() -> None:
    """A reporter's name alone above a transcript was a heading; a photo credit between
    two turns split the conversation."""
    from articlekit.model import Reason
    from articlekit.structure.segment import segment

    result = segment([paragraph(t, i) for i, t in enumerate(_TRANSCRIPT)])
    assert result.bylines == ("Jane Roe",)
    assert result.dropped == {1: Reason.METADATA, 7: Reason.CAPTION}
    qa = [s for s in result.sections if s.kind == "qa"]
    assert len(qa) == 1 and qa[0].heading == "Transcript" and len(qa[0].turns) == 5
    assert all("Photographs" not in t.text for t in qa[0].turns)
    assert result.speaker_aliases == {"Jane Roe": "JANE ROE"}


def test_the_byline_becomes_the_author_and_the_aliases_reach_the_json() -> None:
    import jsonschema

    from articlekit import clean
    from articlekit.export.jsonout import json_schema

    page = "\n\n".join(["Rowing greats say cuts a shame", "April 22, 2013", *_TRANSCRIPT])
    article = clean(page)
    assert article.authors == ("Jane Roe",)
    assert article.to_dict()["speaker_aliases"] == {"Jane Roe": "JANE ROE"}
    jsonschema.validate(article.to_dict(), json_schema())
    assert "Jane Roe" not in [s.heading for s in article.sections]
    assert ("metadata line", "Jane Roe") in [(r.reason, r.text) for r in article.removed]


def test_bold_prompts_in_html_are_an_interview_even_when_they_do_not_ask() -> None:
    """Four of six prompts end in a question mark: too few for the rhythm of plain text,
    but each is printed in bold above a plain answer, alone or before a `<br>`."""
    from articlekit import clean

    prompts = [
        "Where did the idea come from?",
        "You wrote it in two years.",
        "What does a working day look like?",
        "Do you read reviews?",
        "What are you writing now?",
        "Thank you.",
    ]
    answer = "It came from a photograph I found in a drawer, and from the stories never told."
    exchanges = "".join(
        f"<p><strong>{q}</strong></p><p>{answer}</p>" if i % 2 else f"<p><b>{q}</b><br>{answer}</p>"
        for i, q in enumerate(prompts)
    )
    lead = "<p>The novelist spoke to us about her new book and the habits of her mornings.</p>"
    page = f"<html><body><article><h1>Talking with a novelist</h1>{lead}{exchanges}</article></body></html>"
    qa = [s for s in clean(page).sections if s.kind == "qa"]
    assert len(qa) == 1
    assert [t.speaker for t in qa[0].turns] == ["Q", "A"] * len(prompts)
    assert [t.text for t in qa[0].turns[::2]] == prompts


@pytest.mark.parametrize("form", ["text", "html"])
def test_a_label_alone_on_its_line_opens_the_turn_below_it(form: str) -> None:
    """`JANE DOE:` on one line and the answer on the next were a short line and a loose
    paragraph; the short answers after them then ended the article early."""
    from articlekit import clean

    exchanges = [
        ("Q", "What makes the new chip different from the last one?"),
        ("JANE DOE", "It uses half the power for the same work, with memory beside the cores."),
        ("Q", "When will it ship?"),
        ("JANE DOE", "Early next year, first in laptops and then in servers."),
        ("Q", "What is next?"),
        ("JANE DOE", "A version for phones, which is the hardest problem we have."),
    ]
    lead = "We talked to the designer about the new processor and what comes next for chips."
    if form == "text":
        body = "\n\n".join(f"{label}:\n{words}" for label, words in exchanges)
        page = (
            f"Home | News | Tech\nAn interview with a chip designer\nMay 2, 2024\n{lead}\n\n{body}"
        )
    else:
        body = "".join(f"<p><b>{label}:</b><br>{words}</p>" for label, words in exchanges)
        page = f"<html><body><article><h1>A chip designer</h1><p>{lead}</p>{body}</article></body></html>"
    qa = [s for s in clean(page).sections if s.kind == "qa"]
    assert len(qa) == 1
    assert [(t.speaker, t.text) for t in qa[0].turns] == exchanges


def test_the_paragraph_that_names_a_speaker_after_the_last_turn_is_the_article_again() -> None:
    """The last answer swallowed the reporter's closing paragraph; the paragraph that
    goes on in the speaker's own voice still belongs to the answer."""
    sections = _sections(
        [
            "记者：今年的价格战对企业影响有多大？",
            "张伟：影响很大。我们的利润率下降了三个百分点，但销量增长了百分之四十。",
            "记者：您认为价格战什么时候会结束？",
            "张伟：我认为还会持续一到两年，直到行业完成整合。",
            "我们已经为此准备了足够的现金。",
            "采访结束时，张伟表示，公司将在下个月发布两款新车，并在年底前进入南美市场。",
        ]
    )
    assert [s.kind for s in sections] == ["qa", "lecture"]
    assert sections[0].turns[-1].text.endswith("足够的现金。")
    assert sections[1].blocks[0].text.startswith("采访结束时")


@pytest.mark.parametrize(
    "quote",
    [
        '"We needed this win," Lopez said. "Now we are in a good position to advance."',
        "“只要你别挡住我的太阳。”",
        "“He’s evil!”",
    ],
)
def test_quoted_speech_that_ends_a_sentence_is_not_a_heading(quote: str) -> None:
    """Its full stop sits inside the closing quote, where the heading test did not look:
    quoted speech came out as `##` headings."""
    lines = [
        "The club had lost three games in a row before the match on Sunday night.",
        quote,
        "The coach said after the game that the team had finally played as it trained.",
    ]
    assert [s.heading for s in _sections(lines)] == [None]


def test_names_on_the_first_exchange_are_mapped_to_the_roles_that_follow() -> None:
    from articlekit.structure.segment import segment

    lines = [
        "Sam Writer: Where did the idea for the new book come from?",
        "Jane Roe: From a photograph of my grandmother that I found in a drawer.",
        "Q: How long did it take to write?",
        "A: Closer to three years, if you count the first draft I threw away.",
        "Q: What are you writing now?",
        "A: A short book about my father, who was a sailor.",
    ]
    result = segment([paragraph(t, i) for i, t in enumerate(lines)])
    assert [t.speaker for t in result.sections[0].turns][:2] == ["Sam Writer", "Jane Roe"]
    assert result.speaker_aliases == {"Sam Writer": "Q", "Jane Roe": "A"}
