"""Word lists and patterns, grouped by concept and compiled once.

Everything here is vocabulary shared by many sites (Chinese and English): the words
menus, share bars, comment widgets, promo boxes and footers are made of, and the shapes
of dates, counters and speaker labels. Nothing names one site, person or event.
"""

from __future__ import annotations

import re

from articlekit.judge.screens import anchor_digit_run, split_alternatives

# --- characters -------------------------------------------------------------------

#: CJK ideographs, kana and hangul: each counts as one token of text.
CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
#: A run of CJK characters. One pattern serves every module: compiling a class this wide
#: costs 2 ms (the regex compiler visits each of its 40,000 code points).
CJK_RUN_RE = re.compile(f"[{CJK_CLASS}]+")

#: Punctuation that separates clauses; CJK forms count the same as ASCII commas.
CLAUSE_PUNCT = "，、；：,;:"
#: Punctuation that closes a sentence (closing quotes/brackets may follow it).
SENTENCE_END = "。！？!?…．.；;"
CLOSERS = "”’\"'」』）)】》>*"
PUNCT_RE = re.compile(f"[{re.escape(CLAUSE_PUNCT + SENTENCE_END)}]")


class Vocabulary:
    """A word list split by script, so scanning it stays cheap.

    CJK terms form a plain alternation; Latin terms are matched case-insensitively as
    whole words, and only when the text has Latin letters at all. Two small patterns
    scan several times faster than one mixed IGNORECASE alternation with `\\b` guards.
    """

    __slots__ = ("_cjk", "_latin", "terms")

    def __init__(self, cjk: str, latin: str = "") -> None:
        #: Both alternations, as written (screens are built from them).
        self.terms = (cjk, latin)
        self._cjk = re.compile(cjk) if cjk else None
        # Digit-led terms start only where their run of digits starts (linear on a line
        # of "0,0,0,…"; see `anchor_digit_run`).
        anchored = "|".join(anchor_digit_run(term) for term in split_alternatives(latin))
        self._latin = (
            re.compile(rf"(?<![\w])(?:{anchored})(?![\w])", re.IGNORECASE) if latin else None
        )

    def search(self, text: str) -> re.Match[str] | None:
        """The first hit, CJK terms first.

        >>> Vocabulary("分享", "share|tweet").search("Share this").group(0)
        'Share'
        """
        hit = self._cjk.search(text) if self._cjk else None
        if hit is None and self._latin is not None and _LATIN_RE.search(text):
            hit = self._latin.search(text)
        return hit

    def findall(self, text: str) -> list[str]:
        hits = self._cjk.findall(text) if self._cjk else []
        if self._latin is not None and _LATIN_RE.search(text):
            hits.extend(self._latin.findall(text))
        return hits


_LATIN_RE = re.compile("[A-Za-z]")

# --- line shapes -------------------------------------------------------------------

BULLET_RE = re.compile(r"^\s*(?:[•·●▪◆◇■□○◦‣∙*]|[-–—](?=\s))\s*")
SEPARATOR_RUN_RE = re.compile(r"\s*[|｜/]\s*|\s{2,}|\t")

DATE_PATTERNS = (
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?",
    r"(?P<mname>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)",
    r"(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mname3>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]{0,6}\.?,?\s+(?P<y3>(?:19|20)\d\d)",
    # `10/18/2004` (month first, as in the US, unless the first number cannot be a
    # month) and `18.10.2004` (day first, as in Europe).
    r"(?<![\d/])(?P<a4>\d{1,2})/(?P<b4>\d{1,2})/(?P<y4>(?:19|20)\d\d)(?!\d)",
    r"(?<![\d.])(?P<d5>\d{1,2})\.\s?(?P<m5>\d{1,2})\.\s?(?P<y5>(?:19|20)\d\d)(?![\d.])",
    # Chinese numerals: `二〇一九年十一月十九日`.
    r"(?P<yc>[〇零一二三四五六七八九]{4})\s*年\s*(?P<mc>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<dc>[一二三四五六七八九十]{1,3})\s*日",
)
DATE_RE = re.compile("|".join(f"(?:{p})" for p in DATE_PATTERNS), re.IGNORECASE)
#: A date/time followed by nothing but digits and separators: a timestamp + view counter.
DATE_COUNTER_RE = re.compile(
    r"^\s*(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\d\s:|/·]*$"
)

#: A listing entry: a title followed by its timestamp (and maybe counters) at the end of
#: the line — thread lists, related lists, "latest news" boxes (`标题【作者】08-11 16:06 298字`).
LISTING_ENTRY_RE = re.compile(
    r"^\S.{3,}?[\s【】\[\]()（）|·-]"
    r"(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2})"
    r"(?:[^。！？.!?:]{0,25}|\s*[)）\]】])$"
)
#: A feed row: a headline ending in its clock time or its age (`tv review 1:07 p.m.`,
#: `new album 27 mins ago`, `box office Yesterday at 10:35 p.m.`).
FEED_ROW_RE = re.compile(
    r"^\S.{2,}?\s(?:(?:yesterday|today)(?:\s+at)?\s+)?(?:\d{1,2}:\d{2}\s*[ap]\.?m\.?"
    r"|\d{1,3}\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago)\s*$",
    re.IGNORECASE,
)
#: A numbered entry of a sidebar list: a teaser cut short (`3·超级喜欢… 永远支...`) or a
#: ranked title with its count (`2. 新人写真合集(7928)`) — "latest comments", "most read".
NUMBERED_ENTRY_RE = re.compile(r"^\d{1,3}\s*[·.、)）]\s*\S.*(?:\.\.\.|…|[(（]\d+[)）])$")


def is_numbered_entry(text: str) -> bool:
    """Whether `text` is such an entry (the digit test first: most lines fail it)."""
    return text[:1].isdigit() and NUMBERED_ENTRY_RE.match(text) is not None


MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

#: `label:value` runs glued together (`大小:2.4M时长:12:05`) — player and file widgets.
LABEL_VALUE_RUN_RE = re.compile(
    f"[{CJK_CLASS}A-Za-z]{{1,6}}\\s*[:：]\\s*[\\d.:]+\\s*[A-Za-z%{CJK_CLASS}]{{0,3}}"
)
MEDIA_WORDS = Vocabulary(
    "大小|时长|時長|播放|暂停|音频|音頻|下载|下載|全屏|倍速",
    "duration|play|playback|listen|pause|mute|volume|fullscreen",
)

# --- metadata vocabulary -------------------------------------------------------------

#: Reading statistics and counters (word count, reading time, views, likes).
COUNTER = Vocabulary(
    "本文字数|字数|阅读完需|阅读时间|阅读需|阅读量|阅读数|浏览量?|浏览次数|点击量|点击数|"
    "人阅读|次阅读|人浏览|次浏览|人看过|点赞|阅览者|阅览次数|阅读次数",
    r"\d+\s*(?:min|minute)s?\s+read|reading time|\d[\d,.]*[km]?\s+(?:views|reads|likes|shares|comments)",
)
#: Labels that only ever open a metadata line (`责任编辑：`, `图/`) …
META_LABEL_WORDS = (
    "责任编辑|責任編輯|责编|责任校对|原标题|原文标题|原文链接|本文链接|稿源|"
    "通讯员|实习生|发布时间|发布日期|发表时间|发表于|更新时间|更新于|图片来源|图/|文/|撰文"
)
#: … common words that do so only with their colon ("时间管理…" is prose) …
META_COLON_WORDS = (
    "来源|來源|出处|出處|作者|记者|記者|编辑|編輯|校对|审核|审校|监制|摄影|时间|時間|日期|"
    # … their longer forms (`发稿时间：`, `本文来源：`) and a page's tags (`标签：`).
    "发稿时间|发稿日期|出版时间|出版日期|录入时间|本文来源|文章来源|稿件来源|信息来源|本文作者|"
    "标签|標籤|关键词|關鍵詞|关键字"
)
#: … and Latin labels, which need their colon too: "Authorities say…" is prose.
META_LATIN_WORDS = (
    "Source|Author|Editor|Published|Updated|Posted|Photo|Image|Credit|Topic|Tag|Keyword|"
    "Categories|Category|Filed under"
)
#: Labels of metadata lines (`来源：`, `责任编辑：`, `Author: …`).
#: Leading space and an optional opening bracket, written so that the two runs of space
#: cannot overlap (`\s*[(]?\s*` matches a run of spaces in n ways: quadratic).
_OPENING = r"^\s*(?:[【\[(（]\s*)?"
META_LABEL_RE = re.compile(
    rf"{_OPENING}(?:{META_LABEL_WORDS})"
    rf"|{_OPENING}(?:{META_COLON_WORDS})\s*[:：/｜|]|{_OPENING}(?:记者|記者)\s"
    rf"|^\s*(?:{META_LATIN_WORDS})s?\s*[:：]",
    re.IGNORECASE,
)
BYLINE_WORDS = "By|Written by|Reporting by|Words by"
BYLINE_RE = re.compile(
    rf"^\s*(?:{BYLINE_WORDS})\s+"
    r"(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    # `and` needs space on both sides: inside `AbandAb` it could end one name word or
    # belong to it, and trying both at every `and` is exponential.
    r"(?:(?:\s*[,&]\s*|\s+and\s+)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*$"
)
ZH_AUTHOR_RE = re.compile(
    f"(?:(?:作者|记者|記者|撰文|编译|编辑)\\s*[:：/｜|]?|(?<![{CJK_CLASS}])文\\s*[:：/｜|])\\s*(?P<names>[{CJK_CLASS}·]{{2,4}}"
    f"(?:[\\s、,，]+[{CJK_CLASS}·]{{2,4}}){{0,3}})"
)
LOCATION_LABEL_RE = re.compile(r"^\s*(?:地点|地點|Location)\s*[:：]\s*(?P<place>.{1,20}?)\s*$")

# --- chrome vocabulary ---------------------------------------------------------------

NAV_WORDS = (
    r"首页|首頁|主页|登录|登錄|注册|註冊|退出|网站地图|網站地圖|设为首页|加入收藏|客户端|手机版|"
    r"触屏版|移动版|搜索|更多|返回顶部|返回首页|上一篇|下一篇|上一页|下一页|我的|会员|订阅|"
    r"您的位置|您的当前位置|当前位置|你的位置|位置|导航|频道|栏目|"
    r"home|log ?in|sign ?in|sign ?up|register|skip to (?:main )?content|skip to site index|search|"
    r"menu|sections?|subscribe|account|my account|next|previous|back to top|more|close"
)
NAV_RE = re.compile(rf"^(?:{NAV_WORDS})\b", re.IGNORECASE)
#: A breadcrumb: a location label, or two ` > ` steps (`<书名>` alone is not one).
BREADCRUMB_RE = re.compile(
    r"(?:当前位置|您的位置|您现在的位置|你的位置|位置)\s*[:：]|"
    r"(?:\S\s*(?:\s>|»|›|→|>>)\s*\S.*){2}"
)

COMMENT_STUB_WORDS = (
    r"评论|評論|发布|發佈|发表|發表|暂无评论|暫無評論|写点什么|寫點什麼|我要评论|发表评论|"
    r"网友评论|查看评论|全部评论|条评论|\d+\s*条评论|评论\s*\d*|"
    r"comments?|\d+\s+comments?|leave a (?:comment|reply)|post a comment|add a comment|"
    r"no comments yet|be the first to comment|view comments|show comments|reply|"
    r"tell us what you think|have your say|join the discussion|what do you think|"
    # The same headings in the other languages saved pages come in most often.
    r"комментарии|отзывы|оставить комментарий|добавить комментарий|"
    r"kommentare|kommentar schreiben|commentaires|laisser un commentaire|"
    r"comentarios|comentários|deja un comentario|deixe um comentário|"
    r"commenti|lascia un commento"
)
COMMENT_STUB_RE = re.compile(rf"^(?:{COMMENT_STUB_WORDS})\s*[.:：?!…]*$", re.IGNORECASE)
#: The heading over a comment thread that names the article: `34 responses to “…”`,
#: `One thought on “…”` (the form blog platforms print), `12 Comments on …`.
COMMENT_HEADING_WORDS = (
    r"\d+\s+(?:responses?|replies|thoughts|comments?)\s+(?:to|on)\s|"
    r"one\s+(?:response|reply|thought|comment)\s+(?:to|on)\s"
)
COMMENT_HEADING_RE = re.compile(rf"^(?:{COMMENT_HEADING_WORDS})\s*\S", re.IGNORECASE)
RELATED_WORDS = (
    r"相关阅读|相關閱讀|相关文章|相關文章|相关新闻|相關新聞|相关推荐|相關推薦|推荐阅读|推薦閱讀|"
    r"延伸阅读|延伸閱讀|热门文章|熱門文章|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|精彩推荐|精彩推薦|"
    r"热点推荐|最新文章|最新资讯|点击排行|热门排行|排行榜|热点新闻|今日热点|"
    r"related(?: articles| stories| posts| content| coverage)?|more stories|"
    r"more from|recommended(?: for you)?|you may also like|you might also like|most popular|"
    r"most read|trending|popular|latest news|further reading|see also|more on this|"
    r"похожие статьи|читайте также|самые популярные|ähnliche artikel|"
    r"articles similaires|à lire aussi|lire aussi|artículos relacionados|"
    r"artigos relacionados|leia também|articoli correlati"
)
#: The heading of an author's or a company's box after the article: `About the
#: author`, `作者简介`, `Sobre Maria Souza` (two capitalised words at least, so `About
#: Us` stays navigation). Case matters in the name, so the pattern is case-sensitive.
BIO_HEADING_WORDS = (
    r"About the authors?|Sobre o autor|Sobre a autora|作者简介|作者簡介|关于作者|關於作者|"
    r"About [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}|Sobre [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}"
)
BIO_HEADING_RE = re.compile(rf"^(?:{BIO_HEADING_WORDS})\s*[:：]?$")
RELATED_RE = re.compile(rf"^(?:{RELATED_WORDS})\b", re.IGNORECASE)
SHARE = Vocabulary(
    "分享到|分享|微信|微博|QQ空间|朋友圈|扫一扫|扫码|二维码|打印|收藏|字号|调整字体",
    "share|tweet|facebook|twitter|email|print|linkedin|pinterest|whatsapp|reddit|copy link",
)
FOOTER = Vocabulary(
    r"版权所有|版權所有|版权声明|版權聲明|©|ICP备|ICP证|ICP證|公网安备|备案号|违法和不良信息|"
    r"不良信息举报|联系我们|關於我們|关于我们|广告服务|廣告服務|免责声明|免責聲明|转载请注明|"
    r"轉載請註明|未经授权|未經授權|禁止转载",
    r"\(c\)\s*\d{4}|copyright|all rights reserved|privacy policy|terms of (?:use|service)|"
    r"cookie (?:policy|settings)|contact us|about us",
)
#: Image-gallery counters and controls (`3/12`, `第3张/共12张`, `查看原图`): counters need a
#: digit, the rest are words and whole-line controls.
GALLERY_COUNTER_RE = re.compile(
    r"^\s*+(?:[(（]\s*+)?\d{1,3}\s*+/\s*+\d{1,3}\s*+(?:[)）]\s*+)?$|第\s*+\d++\s*+[张頁页]|"
    r"共\s*+\d++\s*+[张張]|"
    r"^\s*\d+ of \d+\s*$",
    re.IGNORECASE,
)
GALLERY_WORDS = Vocabulary(
    "上一张|下一张|上一張|下一張|查看原图|查看大图|点击查看大图|点击图片|全屏查看"
)
GALLERY_LINE_WORDS = "previous|next"
GALLERY_LINE_RE = re.compile(
    rf"^\s*(?:{GALLERY_LINE_WORDS}) (?:image|photo|slide)\s*$", re.IGNORECASE
)
#: Image captions and photo credits written into the text (`Image: AGENCY`, `Photo: staff`) …
CAPTION_MEDIA_WORDS = "image|photo|media"
CAPTION_WORDS = "caption|photo|image|picture|photograph|credit|photo credit|image credit|图片来源|图片|图|摄影|供图"
CAPTION_LABEL_RE = re.compile(
    rf"^\s*(?:{CAPTION_MEDIA_WORDS}) caption\b|^\s*(?:{CAPTION_WORDS})\s*(?:[:：]|\.\.\.|…)",
    re.IGNORECASE,
)
#: … or closing the line in brackets (`… (Image: AGENCY)`).
CAPTION_TAIL_RE = re.compile(
    r"[(（]\s*(?:image|photo|picture|credit|pic|图|图片|摄影)s?\s*[:：][^)）]*[)）]\s*$",
    re.IGNORECASE,
)
#: … or a credit in words (`Illustration by …`, `Photographs by …`, `图为…`, `…（某某摄）`).
CREDIT_RE = re.compile(
    r"^\s*(?:illustrations?|photos?|photographs?|images?|pictures?|video|graphics?)\s+"
    r"(?:by|courtesy|credit)\b|^\s*图为|[(（][^()（）]{0,20}摄(?:影)?[)）]\s*$"
    # A photographer and the agency (`Jane Doe/Some Agency`).
    r"|^(?:[A-Z][\w.'’-]*\s){1,3}?[A-Z][\w.'’-]*\s?/\s?(?:The\s)?[A-Z][\w.'’ -]{1,40}$",
    re.IGNORECASE,
)
#: A transcript's own notice about itself (`This transcript was produced by … and may
#: contain errors`, `This is a rush transcript`, `以上内容根据现场速记整理`): not the talk.
TRANSCRIPT_NOTICE_WORDS = (
    "this transcript|this is a rush transcript|this is an unedited transcript|"
    "this is a transcript|以上内容|以上文字|本文根据|本文据"
)
TRANSCRIPT_NOTICE_RE = re.compile(
    r"^\s*+(?:[(\[]\s*+)?(?:"
    r"this(?:\s+is\s+an?)?(?:\s+(?:rush|unedited))?\s+transcript\b(?:\.|(?:\s+\w+){0,12}?"
    r"\s+(?:may|might|is|was|has been|have been|contains?)\b)"
    r"|(?:以上|本文)(?:内容|文字)?(?:根据|据)[^。]{0,12}(?:速记|录音|实录)[^。]{0,6}整理)",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    """A photo credit or an image caption written into the text (`Photographs by …`,
    `Photo: …`, `图为…`): never a heading, a title or an interview turn."""
    return CREDIT_RE.search(text) is not None or CAPTION_LABEL_RE.match(text) is not None


#: Disclaimers and statements that open with their label (`声明：…`, `Disclaimer: …`).
#: A cookie or consent notice: it names cookies and asks the reader to accept them or
#: to set them. Both halves are needed: an article about tracking names cookies and
#: privacy without asking anything. Terms are lowercase: the text is case-folded first.
COOKIE_WORDS = ("cookie", "クッキー", "쿠키")
CONSENT_RE = re.compile(
    r"accept|agree|consent|by continuing|if you continue|cookie (?:settings|preferences)|"
    r"akzeptier|zustimm|einverstanden|einwillig|accepte|consentement|acepta|"
    r"consentimiento|accett|consenso|aceit|concorda|согла|同意|接受|동의"
)
DISCLAIMER_WORDS = (
    "声明|聲明|免责声明|免責聲明|特别声明|特別聲明|郑重声明|版权声明|版權聲明|"
    "风险提示|風險提示|Disclaimer|Disclosure"
)
DISCLAIMER_RE = re.compile(rf"{_OPENING}(?:{DISCLAIMER_WORDS})\s*[:：】\])）]", re.IGNORECASE)
#: Contact details, the fields of a site's "contact us" footer in either script: a
#: labelled telephone, fax or e-mail field, or an e-mail address (found by its `@`).
#: Case variants are spelled out: an IGNORECASE pattern tries every `e` and `t` of
#: the text, which made it ten times slower on long paragraphs.
CONTACT_FIELD_RE = re.compile(
    r"(?:[Tt]el(?:ephone)?|TEL|[Pp]hone|PHONE|[Ff]ax|FAX|[Ee]-?mail|E-?MAIL|[Hh]otline)"
    r"\s*[:.：】\]]"
    r"|(?:电话|電話|传真|傳真|邮箱|郵箱|热线|熱線|邮编|郵編)\s*[:：】\]]"
    r"|@[\w-]+\.[A-Za-z]{2,}"
)
#: A telephone number: seven or more digits, spaces, dashes and brackets.
PHONE_NUMBER_RE = re.compile(r"\d[\d ()-]{6,}\d")
PROMO = Vocabulary(
    "来袭|來襲|干货|乾貨|报名|報名|抢票|搶票|优惠|優惠|限时|限時|扫码|掃碼|福利|购票|購票|"
    "立即|免费领取|免費領取|免费获取|免費獲取|关注|關注|公众号|公眾號|点击|點擊|下载|下載|"
    "广告|廣告|推广|推廣|赞助|贊助|早鸟|早鳥|订阅|訂閱|电子书|電子書|戳|长按|長按",
    r"sign up|newsletter|subscribe|advertisement|advert|sponsored|delivered to your (?:door|inbox|letterbox)|"
    r"delivered through your letterbox|continue reading|download the app|"
    r"get the app|free trial|buy now|read more|subscription|unlimited access|sign in|register|follow (?:us|\w+) on",
)
#: `…推荐：` / `广告：` on a line of its own introduces a promo box.
PROMO_LABEL_WORDS = "推荐|推薦|广告|廣告|推广|推廣|赞助|贊助|Advertisement|Sponsored"
PROMO_LABEL_RE = re.compile(rf"^.{{0,8}}(?:{PROMO_LABEL_WORDS})\s*[:：]?\s*$", re.IGNORECASE)
#: A browser page title: `Title_Channel_Site` or `Title - Site` / `Title | Site`.
#: `_`, `|`, or a dash between spaces, with the spaces around it. Written so that a
#: match starts only where a run of spaces starts (`(?<!\\s)`; or at `_`/`|` right after
#: the previous match) and takes each run whole (`*+`): `\\s*(?:_|\\s-\\s|\\|)\\s*`
#: rescanned a long run of spaces from every position inside it (quadratic). The two
#: split every string alike (checked on 300,000 random strings).
TITLE_SEPARATOR_RE = re.compile(
    r"(?<!\s)\s*+(?:_|\||(?<=\s)[-–—|｜·](?=\s))\s*+|(?<=\s)(?:_|\|)\s*+"
)

# --- speakers ----------------------------------------------------------------------

#: Role labels that make a turn even without recurring: interviewer/interviewee roles.
ROLE_LABELS = frozenset(
    {
        "问",
        "答",
        "問",
        "Q",
        "A",
        "记者",
        "記者",
        "主持人",
        "嘉宾",
        "嘉賓",
        "提问",
        "提問",
        "回答",
        "观众",
        "觀眾",
        "Interviewer",
        "Host",
        "Question",
        "Answer",
    }
)
#: Labels of label–value lines that are never speakers (they introduce metadata or notes).
NON_SPEAKER_LABELS = frozenset(
    {
        "时间",
        "時間",
        "地点",
        "地點",
        "来源",
        "來源",
        "作者",
        "编辑",
        "編輯",
        "责任编辑",
        "責任編輯",
        "责编",
        "日期",
        "原标题",
        "标题",
        "摘要",
        "导语",
        "導語",
        "注",
        "备注",
        "備註",
        "图",
        "圖",
        "图片",
        "圖片",
        "视频",
        "視頻",
        "链接",
        "鏈接",
        "网址",
        "电话",
        "電話",
        "邮箱",
        "地址",
        "简介",
        "簡介",
        "关键词",
        "關鍵詞",
        "标签",
        "標籤",
        "推荐",
        "推薦",
        "主办",
        "主辦",
        "承办",
        "协办",
        "嘉宾介绍",
        "活动",
        "活動",
        "主题",
        "主題",
        "会议",
        "會議",
        "参考",
        "參考",
        "提示",
        "声明",
        "聲明",
        "附",
        "PS",
        "P.S",
        "Note",
        "Notes",
        "Update",
        "Updated",
        "Source",
        "Photo",
        "Image",
        "Credit",
        "Editor",
        "Related",
        "Read more",
        "Tags",
        "Topics",
        "Email",
        "Tel",
        "Phone",
        "Address",
        "Date",
        "Time",
        "Location",
        "Venue",
        "Warning",
        "Disclaimer",
        "Example",
        "For example",
        "Step",
        "Tip",
        "See also",
        "Via",
        "Edit",
        "Editing",
        "Translation",
        "Translator",
        "Correction",
        "Clarification",
        "Watch",
        "Listen",
        "Read",
        "Advertisement",
    }
)
_SPEAKER_LABEL = (
    f"(?P<label>[{CJK_CLASS}·]{{1,8}}|[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){{0,2}}"
    # A publication asking in its own name, in title brackets (`《某报》：`).
    f"|《[^《》\\n]{{1,15}}》)"
)
SPEAKER_RE = re.compile(
    f"^\\s*(?:\\*\\*)?{_SPEAKER_LABEL}"
    f"(?:\\*\\*)?\\s*(?P<colon>[:：])(?:\\*\\*)?\\s*(?P<text>\\S.*)$",
    re.DOTALL,
)
#: A speaker's label alone on its line (`JANE DOE:`, `问：`), its words on the next.
SPEAKER_LABEL_LINE_RE = re.compile(
    f"^\\s*(?:\\*\\*)?{_SPEAKER_LABEL}(?:\\*\\*)?\\s*(?P<colon>[:：])(?:\\*\\*)?\\s*$"
)
