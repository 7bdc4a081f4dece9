"""Named people in Indonesian news: names without honorifics, their roles and later short mentions."""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import vocabulary
from .gazetteer import Gazetteer

_TOKEN = re.compile(
    r"(?:[A-Z]{1,3}\.(?:[A-Za-z]{1,4}\.?){1,2}"  # S.H., M.Si, MA.Cd, S.E.
    r"|(?:Muh|Moh|Mhd|Dr|Drs|Dra|Ir|Hj|Prof|dr|drg|Pj|Pjs|Plt|Plh|Kab|Prov|St|Hm)\.(?=\s|,|$)"
    r"|[A-Z]\.(?=\s|[A-Z])"  # initials: "M. Rizal", "T. Uopmabin"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"
    r"|\d+(?:[.,]\d+)*"
    r"|[(),:;/\"“”–—-]|\.)"
)

HONORIFICS_BEFORE = {
    "h", "h.", "hj", "hj.", "dr", "dr.", "drs", "drs.", "dra", "dra.", "ir", "ir.", "prof", "prof.", "kh",
    "k.h.", "ustadz", "ustaz", "ust.", "tgk", "habib", "drg", "drg.", "hm", "hm.", "apt.", "st.", "saudara",
    "saudari", "sdr", "sdr.", "sdri", "sdri.",
}  # fmt: skip
_DEGREE = re.compile(
    r"^(?:[SM]\.?\s?[A-Z][A-Za-z]{0,4}\.?(?:[A-Z][a-z]{0,3}\.?)?|S\.[A-Z]\.(?:[A-Z]\.)?|[SM][A-Z]{1,3}|MA(?:\.[A-Za-z]+)?"
    r"|Lc\.?|Ph\.?D\.?|MBA|MPH|SE|SH|MH|MM|MT|ST|SP|SIP|SKM|SPd|MPd|MSi|MKn|SSos|SHI|Ak|CPA)$"
)
ROLE_HEADS = {
    "ketua", "wakil", "anggota", "komisioner", "sekretaris", "kepala", "kadis", "kabid", "kabag", "kasubag",
    "plt", "plt.", "plh", "plh.", "pj", "pj.", "pjs", "pjs.", "penjabat", "bupati", "wabup", "walikota", "wali",
    "wako", "wawali", "walkot", "gubernur", "wagub", "sekda", "sekdaprov", "sekdakab", "sekdakot", "sekwan",
    "menteri", "menko", "mendagri", "kapolres", "kapolresta", "kapolda", "kapolri", "dandim", "danrem",
    "pangdam", "kajari", "kajati", "camat", "lurah", "kades", "staf", "staff", "asisten", "analis",
    "pelaksana", "direktur", "koordinator", "kordiv", "jubir", "presiden", "komandan", "kasat", "danyon",
    "rektor", "dekan", "pengamat", "ketum", "sekjen", "bendahara", "kaban", "panitera",
    "kapendam", "kabankesbangpol", "pimpinan", "dirut", "kasi", "kasie", "ketua umum",
}  # fmt: skip
# Police and military ranks stand before a name like a position.
RANKS = {
    "jenderal", "letjen", "mayjen", "brigjen", "kolonel", "letkol", "mayor", "kapten", "lettu", "letda",
    "laksamana", "marsekal", "irjen", "kombes", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "bripka",
    "brigadir", "briptu", "bharada", "serka", "sertu", "kopda",
}  # fmt: skip
ROLE_HEADS |= RANKS | {"deputi", "juru", "inspektur", "komisaris", "kasatlantas", "kasatreskrim"}
# Ministries and directorates that follow a position title: "Menteri Perhubungan", "Direktur Reskrim".
_INSTITUTION_WORDS = {
    "komando", "cadangan", "strategis", "angkatan", "darat", "laut", "udara", "perhubungan", "reskrim",
    "reserse", "kriminal", "khusus", "intelijen", "kelautan", "perikanan", "kementerian", "tugas",
    "penerangan", "angkutan", "pribadi", "usaha", "milik", "kebudayaan", "pusat", "pemuda", "olahraga",
    "bicara", "pemberantasan", "korupsi", "perindustrian", "bea", "cukai", "perdagangan", "pertanian",
    "kehutanan", "lingkungan", "hidup", "energi", "mineral", "pariwisata", "kreatif", "perumahan",
    "pekerjaan", "tenaga", "kerja", "ketenagakerjaan", "agraria", "transmigrasi", "riset", "teknologi",
    "tinggi", "bank", "otoritas", "jasa", "lalu", "lintas", "narkoba", "narkotika", "nasional", "kabinet",
    "utusan", "perwira", "polisi", "besar", "sipil", "negara", "aparatur", "reformasi", "birokrasi",
    "koperasi", "kecil", "menengah", "industri", "investasi", "keuangan", "luar", "agama", "sekretaris",
    "jenderal", "direktorat", "direktur", "operasional", "operasi", "wilayah", "regional", "cabang",
    "satlantas", "satreskrim", "satnarkoba", "polsek", "polres", "polda", "mabes", "humas", "staf", "ajun",
}  # fmt: skip
# Words inside a position title: "Analis Kebijakan Ahli Muda", "Kepala Bagian Tata Usaha".
ROLE_WORDS = ROLE_HEADS | _INSTITUTION_WORDS | {
    "kota", "kabupaten", "kab", "kab.", "provinsi", "prov", "prov.", "daerah", "dewan", "bidang", "biro",
    "bagian", "seksi", "sub", "urusan", "divisi", "dinas", "badan", "kantor", "sekretariat", "setda",
    "setwan", "kebijakan", "ahli", "muda", "madya", "utama", "pertama", "hubungan", "antar", "lembaga",
    "pemerintahan", "kesra", "kesejahteraan", "rakyat", "politik", "hukum", "keamanan", "sosial",
    "pendidikan", "kesehatan", "umum", "keuangan", "perencanaan", "pembangunan", "ekonomi", "administrasi",
    "kesatuan", "bangsa", "perlindungan", "masyarakat", "komunikasi", "informatika", "sumber", "daya",
    "manusia", "teknis", "penyelenggaraan", "sosialisasi", "partisipasi", "pemilih", "data", "informasi",
    "pengawasan", "penindakan", "pelanggaran", "penanganan", "humas", "logistik", "organisasi",
    "koordinasi", "tim", "pemenangan", "koordinator", "terpilih", "petahana", "sementara",
    "nonaktif", "definitif", "ii", "iii", "iv", "ri", "panitia", "brimob", "kelompok", "satuan",
    "legislatif", "fraksi", "polhukam", "perekonomian", "pmk", "marves", "kumham", "maritim", "investasi", "negeri", "pengadilan", "kejaksaan",
    "kepolisian", "resor", "distrik", "militer", "kecamatan", "kelurahan", "desa", "pemilihan", "pemilu",
    "komisi", "independen", "pengawas", "kehormatan", "penyelenggara", "bakal", "calon", "kandidat", "nomor", "urut", "pasangan", "paslon", "staf", "khusus", "tata",
    "ruang", "perwakilan", "agama", "luar", "pertahanan", "kominfo", "dinsos", "kesbangpol", "kesbang",
    "pol", "linmas", "bappeda", "bkpsdm", "bpbd", "satpol", "pp", "disdukcapil", "kemendagri", "kpu", "kpud",
    "kip", "bawaslu", "panwaslu", "panwaslih", "panwascam", "gakkumdu", "satgas", "forkopimda",
    "forkompinda", "dprd", "dkpp", "polres", "polresta", "polda", "kodim", "korem",
    "tni", "polri", "pemkab", "pemkot", "pemko", "pemprov", "dan", "se", "bupati", "walikota",
}  # fmt: skip
_ROLE_PREFIXES = (
    "kaban",
    "kadis",
    "kabag",
    "kabid",
    "kasubag",
    "kapol",
    "kesbang",
    "sekda",
    "setda",
    "dinas",
)
# Countries stand before their officials' names: "Presiden Iran Hassan Rouhani".
COUNTRIES = {
    "amerika", "serikat", "as", "china", "tiongkok", "jepang", "korea", "iran", "irak", "pakistan",
    "india", "malaysia", "singapura", "australia", "rusia", "inggris", "prancis", "perancis", "jerman",
    "arab", "saudi", "taiwan", "thailand", "filipina", "vietnam", "myanmar", "turki", "mesir", "israel",
    "palestina", "belanda", "italia", "spanyol", "brasil", "kanada", "ukraina", "suriah", "afghanistan",
    "yaman", "qatar", "timor", "leste", "brunei", "kamboja", "laos", "selandia", "baru",
}  # fmt: skip
ROLE_WORDS |= COUNTRIES
# Capitalised words that are not names even when they stand where a name could.
STOP = ROLE_WORDS | {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "pilkada", "pilbup",
    "pilgub", "pilwako", "pilwalkot", "pemilukada", "serentak", "tahun", "partai", "dalam", "pada", "untuk",
    "dengan", "sementara", "selain", "lebih", "berdasarkan", "menurut", "kemudian", "setelah", "sebelum",
    "hingga", "sedangkan", "namun", "karena", "jika", "ia", "dia", "dirinya", "mereka", "kami", "kita",
    "saya", "acara", "kegiatan", "hal", "ini", "itu", "ketiga", "keempat", "kedua", "para", "bapak", "ibu",
    "pak", "bu", "sang", "adapun", "berikut", "selanjutnya", "lalu", "yang", "di", "ke", "dari", "atas",
    "oleh", "sebagai", "selaku", "juga", "agar", "bahwa", "tetapi", "akan", "telah", "sudah", "rapat",
    "pleno", "deklarasi", "kampanye", "damai", "debat", "indonesia", "allah", "swt", "tuhan", "islam",
    "ketika", "saat", "usai", "sebab", "sehingga", "maka", "jadi", "lanjutnya", "katanya", "ujarnya",
    "dikatakan", "disinggung", "terpisah", "hadir", "rakor", "pemerintah", "negara", "republik", "nasional",
    "tengah", "utara", "selatan", "barat", "timur", "raya", "kepulauan", "pulau", "hotel", "gedung", "aula",
    "balai", "jalan", "jl", "gubernur", "sekretaris", "alhamdulillah", "insyaallah", "assalamualaikum",
    "tag", "share", "foto", "editor", "penulis", "reporter", "baca", "simak", "artikel", "berita",
    "golkar", "gerindra", "nasdem", "demokrat", "perindo", "hanura", "gelora", "ummat", "buruh", "pdip",
    "pkb", "pks", "pan", "ppp", "psi", "dprd", "asn", "tps", "ppk", "pps", "kpps", "dpt", "sk", "pkpu",
    "mk", "mahkamah", "konstitusi", "dpr", "nomor", "urut", "suara", "sah", "tidak", "total", "jumlah",
    "ketentuan", "keputusan", "peraturan", "undang", "pasal", "qanun", "program", "tema", "sumber",
    "pertama", "terakhir", "khusus", "kotak", "kosong", "kolom", "tunggal", "melalui", "bersama", "menuju",
    "sejumlah", "seluruh", "semua", "setiap", "masing", "antara", "tanpa", "tentang", "terkait", "yakni",
    "yaitu", "adalah", "merupakan", "sebanyak", "sekitar", "hari", "pukul", "wib", "wita", "wit",
    "mendagri", "kemendagri", "final", "jakarta", "the", "of", "and", "red", "rls", "admin",
}  # fmt: skip
_SPEECH_TAGS = {
    "kata", "ujar", "ungkap", "jelas", "tegas", "tutur", "terang", "imbuh", "ucap", "pesan", "ajak", "tambah",
    "sambung", "pungkas", "tandas", "lanjut", "papar", "beber", "sebut", "pinta", "harap", "timpal", "tukas",
    "menurut", "disapa", "sapaan",
}  # fmt: skip
_SPEECH_VERBS = re.compile(
    r"^(?:me[nm]?\w+(?:kan|i)|berharap|mengaku|menilai|menyebut|meminta|membuka|memimpin|mengajak"
    r"|menghadiri|merinci|menyadari|mengapresiasi|memaparkan|membeberkan|mengimbau|menekankan)$"
)
_CANDIDATE_TRIGGERS = {"pasangan", "paslon", "calon", "kandidat", "cabup", "cawabup", "cagub", "cawalkot"}
# An article about an election: only there is "pasangan A-B" a ticket rather than a couple or a team.
_ELECTION_WORDS = "|".join(vocabulary.election_names())
_CANDIDATE_FORMS = "|".join(vocabulary.candidate_forms())
ELECTION = re.compile(
    rf"\b(?:{_ELECTION_WORDS}|{_CANDIDATE_FORMS}|pemilu|kpu|kpud|kip|bawaslu|panwaslih|paslon"
    r"|pemilihan\s+(?:kepala\s+daerah|gubernur|bupati|wali\s*kota|walikota|umum)"
    r"|calon\s+(?:wakil\s+)?(?:gubernur|bupati|wali\s*kota|walikota))\b",
    re.I,
)
# A sentence that speaks of candidates: only there do two names joined by "-" or "dan" make a ticket.
CANDIDACY = re.compile(
    rf"\b(?:{_ELECTION_WORDS}|{_CANDIDATE_FORMS}|pasangan|paslon|bapaslon|calon|bacalon|kandidat"
    r"|nomor\s+urut|no\.?\s*urut|kotak\s+kosong|tim\s+(?:pemenangan|sukses)|timses)\b",
    re.I,
)
_LIST_INTROS = {"yakni", "yaitu", "ialah", "antara", "diantaranya", "adalah"}
_PAIR_SEPARATORS = {"dan", "-", "–", "—", ",", "serta", "&", "/"}
_FILLER = ROLE_WORDS | {
    "tunggal", "petahana", "nomor", "urut", ":", ",", "(", ")", "tersebut", "yakni", "yaitu", "lain",
    "resmi", "baru", "independen", "perseorangan", "ini", "itu", "sendiri", "atas", "nama", "yang", "telah",
    "ditetapkan", "sah", "terdapat", "ada", "dua", "tiga", "empat", "lima",
}  # fmt: skip
# Indonesian verb forms capitalised by a headline or a typo: "Dikukuhkan", "Menjelaskan".
_VERB_SHAPE = re.compile(r"^(?:di|me|mem|men|meng|meny|ber|ter|per)[a-z]{3,}(?:kan|nya|lah)$")
# Nouns made with pe-…-an and ke-…-an ("Pengembangan", "Kesehatan") head offices and units, never names.
_NOUN_SHAPE = re.compile(r"^(?:pe|pem|pen|peng|peny|per|ke)[a-z]{3,}an$")
# Months are names too ("Juni Kuswati") but never a name on their own.
_MONTHS = {
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
    "november", "desember",
}  # fmt: skip
_COMPANY = {"pt", "cv", "tv", "tbk", "ud", "fc"}
# Noble and ethnic name elements that stand before a given name and belong to it.
_NOBLE = {"lalu", "baiq", "andi", "teuku", "tengku", "cut", "raden", "datu", "opu"}
_PRONOUNS = {"ia", "dia", "beliau", "dirinya", "mereka", "kami", "kita", "saya", "aku"}


@dataclass
class NamedPerson:
    """A person the text names, gathered over all their mentions (the model is articles.models.Person)."""

    name: str
    honorifics: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    candidate: bool = False
    mentions: int = 1
    evidence: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        return {w.casefold().rstrip(".") for w in self.name.split()}


@dataclass
class Ticket:
    """Two people the text names as running together: the head first, as Indonesian news writes them."""

    head: NamedPerson
    deputy: NamedPerson | None
    start: int  # where the text names them: from the head's first word to the deputy's last
    end: int


@dataclass
class _Name:
    words: list[str]
    honorifics: list[str]
    start: int  # token indices
    end: int


def _prepare(text: str) -> str:
    # "H. Jumarding.SE", "H.Anton.SH": a degree glued with a dot to the name.
    text = re.sub(r"(?<=[a-z])\.(?=(?:S|M)\.?[A-Z][A-Za-z]?\.?\b)", ", ", text)
    return text


class PeopleFinder:
    """Collect people from the text of one article; call `scan` per text, then `people`."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer
        self.found: list[NamedPerson] = []
        self.tickets: list[Ticket] = []
        self._common: set[str] = set()
        self._pending_alias: list[tuple[str, str]] = []
        self._headline = False
        self._body = ""
        self._electoral = False

    @staticmethod
    def _common_words(text: str) -> set[str]:
        """Words the text also writes in lower case are ordinary words, not names."""
        lower = set(re.findall(r"(?<![\w.])([a-z]{4,})\b", text))
        capital = {w.casefold() for w in re.findall(r"\b([A-Z][a-z]{3,})\b", text)}
        return lower & capital

    # ----- public -----------------------------------------------------------------------------------
    def scan(self, text: str, offset: int = 0, headline: bool = False) -> None:
        """Find people in one text; a headline only adds one-word names the body also uses."""
        text = _prepare(text or "")
        self._headline = headline
        self._text = text
        self._offset = offset
        self._toks = list(_TOKEN.finditer(text))
        self._words = [t.group(0) for t in self._toks]
        self._folded = [w.casefold() for w in self._words]
        self._region_tokens = self._region_token_set(text)
        if not headline:
            self._common = self._common_words(text)
            self._body = text
            self._electoral = bool(ELECTION.search(text))
        claimed: set[int] = set()
        for i in range(len(self._toks)):
            if i in claimed:
                continue
            for rule in (
                self._candidates,
                self._hyphen_ticket,
                self._role_before,
                self._honorific,
                self._speech,
            ):
                used = rule(i)
                if used:
                    claimed.update(used)
                    break
        self._name_then_role()

    def people(self) -> list[NamedPerson]:
        self._fold_nicknames()
        return self.found

    def _fold_nicknames(self) -> None:
        """A ticket named by nicknames first ("Tamba-Dana") and by full names later is one pair of
        people: the short forms become aliases of the full names. Both halves must match, so a deputy
        who shares a word with another ticket's head stays their own person."""
        for short in [t for t in self.tickets if t.deputy and (_one_word(t.head) or _one_word(t.deputy))]:
            full = next((t for t in self.tickets if t.deputy and _shortens(short, t)), None)
            if full is None:
                continue
            for nickname, person in ((short.head, full.head), (short.deputy, full.deputy)):
                if nickname is not person and nickname in self.found:
                    self._fold_into(nickname, person)
        # "Samsul-Nursami" beside "kata Samsul Mahmud": a one-word candidate with one fuller namesake.
        for short in [p for p in self.found if p.candidate and _one_word(p)]:
            fuller = [p for p in self.found if not _one_word(p) and short.words <= p.words]
            ticketed = {id(p) for t in self.tickets for p in (t.head, t.deputy)}
            # Two candidates in two tickets are two people, though one's name is in the other's.
            if len(fuller) == 1 and id(fuller[0]) not in ticketed:
                self._fold_into(short, fuller[0])

    def _fold_into(self, short: NamedPerson, full: NamedPerson) -> None:
        full.aliases.append(short.name)
        full.spans += short.spans
        full.mentions += short.mentions
        full.candidate = True
        self.found.remove(short)
        for ticket in self.tickets:
            ticket.head = full if ticket.head is short else ticket.head
            ticket.deputy = full if ticket.deputy is short else ticket.deputy

    # ----- tokens -----------------------------------------------------------------------------------
    def _region_token_set(self, text: str) -> set[int]:
        if not self.gazetteer:
            return set()
        inside: set[int] = set()
        spans = iter(self.gazetteer.find(text))
        span = next(spans, None)
        for i, tok in enumerate(self._toks):
            while span and tok.start() >= span.end:
                span = next(spans, None)
            if span and span.start <= tok.start() < span.end:
                inside.add(i)
            elif (
                tok.group(0)[:1].isupper()
                and tok.group(0)[1:].islower()
                and self.gazetteer.lookup(tok.group(0))
            ):
                inside.add(i)  # a place written as one word: "Deliserdang", "Kotametro"
        return inside

    def _is_name_word(self, i: int) -> bool:
        if i >= len(self._words):
            return False
        word = self._words[i]
        folded = self._folded[i].rstrip(".")
        if folded in _NOBLE and word[:1].isupper() and self._starts_name(i + 1):
            return True  # "Lalu Muhamad Iqbal", "Teuku Riefky": a noble element is part of the name
        if _VERB_SHAPE.match(folded) or _NOUN_SHAPE.match(folded) or folded in self._common:
            return False
        if len(folded) >= 7 and folded.endswith("nya"):
            return False  # "Sebelumnya", "Rupanya", "Mundurnya": a word with its -nya, not a name
        if folded in STOP or folded in HONORIFICS_BEFORE or folded.startswith(_ROLE_PREFIXES):
            return word in ("I", "A", "A.", "M.", "Muh.", "Moh.", "Mhd.") or (
                len(word) == 2 and word.endswith(".")
            )
        if re.fullmatch(r"[A-Z]\.?", word) or word in ("Muh.", "Moh.", "Mhd."):
            return True
        if not word[:1].isupper() or not word[1:2].islower():
            return False
        if any(c.isupper() for c in word[1:]):
            return False  # "NasDem", "detikBali"
        return True

    def _inner_initials(self, i: int, words: list[str]) -> bool:
        """ "Hendra JC Talla", "Swastari HAZ,": capital initials inside a name or closing it."""
        word = self._words[i]
        closing = i + 1 < len(self._words) and self._words[i + 1] in (",", ")")
        # Two capitals are initials; three close a name only before a comma ("Swastari HAZ, …"):
        # elsewhere three capitals are an institution ("Capim KPK").
        inner = re.fullmatch(r"[A-Z]{2}", word) and self._is_name_word(i + 1)
        return bool(
            words
            and word.casefold() not in STOP | _COMPANY
            and (inner or re.fullmatch(r"[A-Z]{2,3}", word) and closing)
        )

    def _starts_name(self, i: int) -> bool:
        if i >= len(self._words):
            return False
        word, folded = self._words[i], self._folded[i]
        return word[:1].isupper() and word[1:2].islower() and folded not in STOP and folded not in _NOBLE

    def _parse_name(self, i: int, allow_region: bool = False) -> _Name | None:
        """Honorifics, then one to five name words, then degrees after commas."""
        honorifics: list[str] = []
        j = i
        while (
            j < len(self._words)
            and self._folded[j] in HONORIFICS_BEFORE
            and self._is_name_word(j + 1)
            | (j + 1 < len(self._words) and self._folded[j + 1] in HONORIFICS_BEFORE | {","})
        ):
            if self._words[j] == "dr" and not self._words[j + 1 : j + 2] == ["."]:
                pass
            honorifics.append(self._words[j])
            j += 1
            if j < len(self._words) and self._words[j] == ",":
                j += 1
        start = j
        words: list[str] = []
        while (
            j < len(self._words)
            and len(words) < 5
            and (self._is_name_word(j) or self._inner_initials(j, words))
        ):
            if j in self._region_tokens and not allow_region and not words:
                break
            if words and self._gap(j - 1, j):
                break
            words.append(self._words[j])
            j += 1
        # Trailing initials belong to the next name ("Budi-I Nyoman"): keep them only inside a name.
        while (
            words
            and re.fullmatch(r"[A-Z]\.?", words[-1])
            and len(words) > 1
            and j < len(self._words)
            and self._words[j] in _PAIR_SEPARATORS
        ):
            words.pop()
            j -= 1
        if not words or all(re.fullmatch(r"[A-Z]\.?|Muh\.|Moh\.|Mhd\.", w) for w in words):
            return None
        if len(words) == 1 and (len(words[0]) < 3 or words[0].casefold() in _MONTHS):
            return None
        end = j
        # Degrees: "Imran, MA.Cd", "Dedy Putra, S.H., M.Kn", "Sumarling, SE".
        while end + 1 < len(self._words) and self._words[end] == "," and _DEGREE.match(self._words[end + 1]):
            honorifics.append(self._words[end + 1])
            end += 2
        if self.gazetteer and not honorifics and self.gazetteer.lookup(" ".join(words)):
            return None
        return _Name(words, honorifics, start, end)

    def _gap(self, a: int, b: int) -> bool:
        between = self._text[self._toks[a].end() : self._toks[b].start()]
        return between.strip() != "" or "\n" in between

    def _sentence_end(self, i: int) -> int:
        j = i
        while j < len(self._words) and self._words[j] not in (".", '"', "“", "”") and j - i < 60:
            j += 1
        return j

    # ----- rules ------------------------------------------------------------------------------------
    def _role_before(self, i: int) -> set[int] | None:
        """ "Ketua KPU Badung I Nyoman Contoh", "Wakil Walikota Metro, Qomaru Zaman"."""
        folded = self._folded[i]
        if folded not in ROLE_HEADS or not self._words[i][:1].isupper():
            return None
        if folded in ("calon", "bakal", "kandidat"):
            return None
        if i and self._folded[i - 1] in ("kantor", "rumah", "dinas", "gedung", "aula"):
            return None  # "Kantor Camat Sukamaju" names a building, not a person
        j = i
        while j < len(self._words) and j - i < 24:
            word, low = self._words[j], self._folded[j]
            if word == "(":
                close = next(
                    (k for k in range(j + 1, min(j + 9, len(self._words))) if self._words[k] == ")"), None
                )
                inside = self._parse_name(j + 1) if close is not None and j > i else None
                if inside and inside.end == close and len(inside.words) >= 2:
                    # "Pjs Bupati Pemalang (Agung Hariyadi)": the holder named in brackets.
                    self._add(inside, role=self._span_text(i, j).rstrip(" .,"))
                    return set(range(i, close + 1))
                j = close + 1 if close is not None else j + 1
                continue
            if word[:1].islower() and any(c.isupper() for c in word[1:]):
                j += 1  # a typo glues two words: "danLinmas"
                continue
            if low in _NOBLE and j > i and self._is_name_word(j):
                break  # "Ketua Bawaslu Lalu Fauzan": the name begins
            if low.strip(".()") in RANKS and j > i and not _rank_only(self._span_text(i, j)):
                break  # "Kapolres Metro AKBP Budi": the rank opens the name's honorifics
            if low.rstrip(".") in ROLE_WORDS or low.startswith(_ROLE_PREFIXES) or j in self._region_tokens:
                j += 1
                continue
            if word.isupper() and len(word) >= 2 and word.isalpha():
                j += 1  # acronyms: KPU, DPRD, RI, III
                continue
            if word in ("-", "/") and j + 1 < len(self._words) and self._folded[j + 1] in ROLE_WORDS:
                j += 1
                continue
            if (
                word == ","
                and j + 1 < len(self._words)
                and (self._folded[j + 1] in ROLE_WORDS and self._folded[j + 1] not in ROLE_HEADS)
                and not self._is_name_word(j + 1)
            ):
                j += 1
                continue
            if re.fullmatch(r"\d+", word) and j > i and self._folded[j - 1] in ("urut", "iii", "ii"):
                j += 1
                continue
            break
        role_end = j
        while role_end > i and self._words[role_end - 1] in (",", "dan", "-"):
            role_end -= 1
        k = j + 1 if j < len(self._words) and self._words[j] == "," else j
        if k < len(self._words) and self._folded[k] in _LIST_INTROS and role_end > i:
            return self._official_list(i, role_end, k + 1)
        ranks = []
        while k < len(self._words) and self._folded[k].strip(".()") in _RANK_WORDS and k > i:
            ranks.append(self._words[k])  # "Kabid Humas Polda, Kombes Budi": the rank is an honorific
            k += 1
        name = self._parse_name(k, allow_region=True)
        if name and len(name.words) == 1 and self._words[name.end : name.end + 1] == [","] and not ranks:
            # "Ketua KPU Deliserdang, Relis Yanthy": a place spelt in a way the gazetteer does not know.
            holder = self._parse_name(name.end + 1)
            if holder and len(holder.words) >= 2:
                role_end, name = name.end, holder
        if name and ranks:
            name = _Name(name.words, ranks + name.honorifics, name.start, name.end)
        if not name:
            return None
        role = self._span_text(i, role_end).rstrip(" .,")
        rank = _rank_only(role)
        if rank:
            # "Kombes Pol. Budi", "Mayjen TNI (Purn) Budi": a rank is an honorific, not the post.
            name = _Name(name.words, rank + name.honorifics, name.start, name.end)
            role = ""
        self._add(name, role=role)
        return set(range(i, name.end))

    def _official_list(self, i: int, role_end: int, k: int) -> set[int] | None:
        """ "Anggota KPU yakni A, B dan C": everyone listed holds the post named before the list."""
        role = self._span_text(i, role_end).rstrip(" .,")
        end = k
        while end < len(self._words):
            name = self._parse_name(end)
            if not name:
                break
            self._add(name, role=role)
            end = name.end
            if end < len(self._words) and self._words[end] in (",", "dan", "serta"):
                end += 1 + (self._words[end] == "," and self._folded[end + 1 : end + 2] == ["dan"])
                continue
            break
        return set(range(i, end)) if end > k else None

    def _name_then_role(self) -> None:
        """ "Rahmat, Ketua KIP Pidie" and "H Imam Senen (Sekwan Kota Lubuklinggau)" give roles to names."""
        for person in self.found:
            if person.role:
                continue
            for alias in [person.name, *person.aliases]:
                pattern = (
                    re.escape(alias)
                    + r"(?:,\s*[A-Z][\w.]*)*\s*(?:,|\(|\byang\b[^.]{0,60}?\b(?:sebagai|selaku)\b)\s*"
                )
                for match in re.finditer(pattern, self._text):
                    rest = self._text[match.end() :]
                    role = self._role_at(rest)
                    if role:
                        person.role = role
                        break
                if person.role:
                    break

    def _role_at(self, rest: str) -> str:
        words = list(_TOKEN.finditer(rest[:160]))
        if not words or words[0].group(0).casefold() not in ROLE_HEADS:
            return ""
        end = 0
        for index, match in enumerate(words):
            word, low = match.group(0), match.group(0).casefold()
            if low.rstrip(".") in ROLE_WORDS or word in ("(", ")") or (word.isupper() and word.isalpha()):
                end = match.end()
                continue
            if self.gazetteer and word[:1].isupper() and self.gazetteer.lookup(word):
                end = match.end()
                continue
            if index + 1 < len(words) and self.gazetteer:
                pair = f"{word} {words[index + 1].group(0)}"
                if word[:1].isupper() and self.gazetteer.lookup(pair):
                    end = match.end()
                    continue
            if index and self.gazetteer and self.gazetteer.lookup(f"{words[index - 1].group(0)} {word}"):
                end = match.end()
                continue
            break
        role = rest[:end].strip(" ,(.")
        if role.count("(") > role.count(")"):
            role = role.rsplit("(", 1)[0].strip() if not role.endswith(")") else role
        return role

    def _honorific(self, i: int) -> set[int] | None:
        """ "H Imam Senen", "Dr. Imran", "pak Wahdi": a title in front marks a person."""
        folded = self._folded[i]
        if folded in ("pak", "bapak", "ibu", "bu") and i + 1 < len(self._words):
            name = self._parse_name(i + 1)
            if name:
                self._add(name)
                return set(range(i, name.end))
            return None
        if folded not in HONORIFICS_BEFORE or (i > 0 and self._folded[i - 1] in HONORIFICS_BEFORE):
            return None
        name = self._parse_name(i)
        if not name or not name.honorifics:
            return None
        self._add(name)
        return set(range(i, name.end))

    def _speech(self, i: int) -> set[int] | None:
        """ "kata Hadi", "ungkap Rahmat", or a sentence that opens "Budi juga menyatakan"."""
        folded = self._folded[i]
        if folded in _SPEECH_TAGS and i + 1 < len(self._words):
            if self._words[i + 1] == "," and folded == "menurut":
                return None
            name = self._parse_name(i + 1)
            if name and (i + 1 == name.start or name.honorifics):
                self._add(name, new_ok=True)
                return set(range(i, name.end))
            return None
        at_start = i == 0 or self._words[i - 1] in (".", ",", '"', "“", "”", ":") or self._gap_newline(i)
        if not at_start or not self._words[i][:1].isupper():
            return None
        name = self._parse_name(i)
        if not name:
            return None
        k = name.end
        while k < len(self._words) and self._folded[k] in (
            "juga",
            "pun",
            "lantas",
            "kemudian",
            "lalu",
            "pun",
            "sendiri",
        ):
            k += 1
        if k < len(self._words) and _SPEECH_VERBS.match(self._folded[k]):
            self._add(name, new_ok=len(name.words) >= 2)
            return set(range(i, name.end))
        return None

    def _gap_newline(self, i: int) -> bool:
        if i == 0:
            return True
        return "\n" in self._text[self._toks[i - 1].end() : self._toks[i].start()]

    def _candidates(self, i: int) -> set[int] | None:
        """ "pasangan X dan Y", "nomor urut 1 X dan Y", "yakni X-Y, Z-W", list lines "1. X dan Y"."""
        folded = self._folded[i]
        trigger = folded in _CANDIDATE_TRIGGERS or (
            folded == "nomor" and self._folded[i + 1 : i + 2] == ["urut"]
        )
        maybe_item = (folded.isdigit() or folded in ("-", "•")) and (i == 0 or self._gap_newline(i))
        if not (trigger or maybe_item or folded in _LIST_INTROS):
            return None
        sentence_start = self._sentence_start(i)
        previous_text = self._text[max(0, self._toks[i].start() - 800) : self._toks[i].start()].casefold()
        is_list_item = maybe_item and re.search(r"calon|pasangan|paslon|kandidat", previous_text)
        # "pasangan calon yakni A-B": a list of candidates; "Anggota yakni A, B" lists somebody else.
        listed = " ".join(self._folded[sentence_start:i])
        officials = set(self._folded[max(sentence_start, i - 3) : i]) & (ROLE_HEADS - _CANDIDATE_TRIGGERS)
        intro = (
            folded in _LIST_INTROS and re.search(r"calon|pasangan|paslon|kandidat", listed) and not officials
        )
        if not (trigger or intro or is_list_item):
            return None
        if (
            trigger
            and not self._words[i][:1].isupper()
            and folded == "calon"
            and i
            and self._folded[i - 1] in ("pasangan", "bakal")
        ):
            return None
        j = i + 1
        number = None
        phrase_end = j
        while j < len(self._words) and j - i < 16:
            low = self._folded[j]
            if re.fullmatch(r"\d+", low):
                if j > 0 and self._folded[j - 1] == "urut" or is_list_item and j == i:
                    number = low
                j += 1
                continue
            if low in ("." if is_list_item and j == i + 1 else "\x00",):
                j += 1
                continue
            if low in _NOBLE and self._is_name_word(j):
                break  # "pasangan Lalu Muhamad Iqbal": the name begins
            if low.rstrip(".") in _FILLER or j in self._region_tokens or (low.isupper() and low.isalpha()):
                if low not in (",", ":", "(", ")"):
                    phrase_end = j + 1
                j += 1
                continue
            if self._words[j] == "(":
                close = next(
                    (k for k in range(j + 1, min(j + 6, len(self._words))) if self._words[k] == ")"), None
                )
                if close:
                    j = close + 1
                    continue
            break
        if is_list_item and re.fullmatch(r"\d+", self._words[i]):
            number = None
        names: list[_Name] = []
        while j < len(self._words):
            name = self._parse_name(j)
            if not name:
                break
            names.append(name)
            j = name.end
            if j < len(self._words) and self._words[j] == "(":
                close = next(
                    (k for k in range(j + 1, min(j + 6, len(self._words))) if self._words[k] == ")"), None
                )
                if close:
                    self._nickname_pair(names[-2:], j + 1, close)
                    j = close + 1
            if j < len(self._words) and self._words[j] in _PAIR_SEPARATORS:
                k = j + 1
                if k < len(self._words) and self._folded[k] in ("dan", "serta"):
                    k += 1
                if self._parse_name(k):
                    j = k
                    continue
            break
        if not names or (
            len(names) == 1 and not (trigger and folded in ("pasangan", "paslon", "calon", "kandidat"))
        ):
            if not (names and (is_list_item or intro)):
                return None
        if not trigger and not is_list_item and len(names) < 2:
            return None
        role = self._candidate_role(i, phrase_end, j, number, sentence_start)
        for index in range(0, len(names), 2):
            self._ticket(names[index : index + 2], role)
        return set(range(i, j))

    def _hyphen_ticket(self, i: int) -> set[int] | None:
        """ "Jamaluddin-Sayuti dari jalur independen": two names joined by a dash, in a sentence about
        candidates, are a ticket, head first."""
        if not self._words[i][:1].isupper() or self._headline or not self._electoral:
            return None
        head = self._parse_name(i)
        if not head or head.end >= len(self._words) or self._words[head.end] not in ("-", "–", "—"):
            return None
        deputy = self._parse_name(head.end + 1)
        if not deputy:
            return None
        end = self._toks[min(self._sentence_end(deputy.end), len(self._toks)) - 1].end()
        sentence = self._text[self._toks[self._sentence_start(i)].start() : end]
        if not CANDIDACY.search(sentence):
            return None
        self._ticket([head, deputy])
        return set(range(i, deputy.end))

    def _ticket(self, names: list[_Name], role: str = "") -> None:
        """Add the head and deputy the text names together, and remember them as a ticket."""
        # "Dedy-Dayat" after the full names: short forms of a known pair, not new people.
        known = [self._known(n) for n in names]
        if all(len(n.words) == 1 for n in names) and all(known):
            for name, person in zip(names, known, strict=False):
                alias = " ".join(name.words)
                if alias != person.name and alias not in person.aliases:
                    person.aliases.append(alias)
        else:
            known = [self._add(name, role=role, candidate=True) for name in names]
        if known[0] and not self._headline:
            start = self._offset + self._toks[names[0].start].start()
            end = self._offset + self._toks[names[-1].end - 1].end()
            self.tickets.append(Ticket(known[0], known[1] if len(known) > 1 else None, start, end))

    def _known(self, name: _Name) -> "NamedPerson | None":
        key = " ".join(name.words).casefold()
        words = {w.casefold().rstrip(".") for w in name.words}
        for person in self.found:
            if (
                person.name.casefold() == key
                or key in (a.casefold() for a in person.aliases)
                or words <= person.words
                or person.candidate
                and _nickname_of(words, person.words)
            ):
                return person
        return None

    def _sentence_start(self, i: int) -> int:
        j = i
        while j > 0 and self._words[j - 1] != "." and i - j < 60 and not self._gap_newline(j):
            j -= 1
        return j

    def _candidate_role(
        self, i: int, phrase_end: int, j: int, number: str | None, sentence_start: int
    ) -> str:
        lead = self._span_text(i, phrase_end) if self._folded[i] in _CANDIDATE_TRIGGERS | {"nomor"} else ""
        lead = re.sub(
            r"(?:[\s,:(]|\b(?:yakni|yaitu|ialah|adalah|pasangan|yang|resmi|ditetapkan|telah)\b)+$", "", lead
        )
        lead = re.sub(r"^(?:paslon|pasangan)\b", "pasangan calon", lead, flags=re.IGNORECASE)
        lead = re.sub(r"^pasangan calon calon\b", "pasangan calon", lead)
        lead = re.sub(r"\s*nomor urut \d+$", "", lead, flags=re.IGNORECASE)
        tail_end = self._sentence_end(j)
        tail = " ".join(self._words[j:tail_end])
        # The number written after the names wins: "X mendapat nomor urut 1, Y nomor urut 2".
        found = re.search(r"nomor urut (\d+)", tail, re.IGNORECASE)
        later_pair = re.search(r"\b(?:pasangan|paslon)\b|[A-Z][a-z]+ [A-Z][a-z]+ ?[-–] ?[A-Z]", tail)
        if found and (not later_pair or later_pair.start() > found.start()):
            number = found.group(1)
        sebagai = re.search(r"\bsebagai\s+((?:[A-Za-z]+(?:-[A-Za-z]+)?\s?){1,10})", tail)
        if sebagai and re.search(
            r"calon|bupati|wali|gubernur|paslon|kandidat|peserta", sebagai.group(1), re.I
        ):
            role = sebagai.group(1).strip()
            role = re.split(r"\s(?:dalam|di|pada|untuk|yang|dan\s+(?![Ww]akil))\s", role + " ")[0].strip()
            return role
        if number:
            return f"pasangan calon nomor urut {number}"
        if not lead or lead.casefold() in ("nomor urut", "calon", "nomor"):
            lead = "pasangan calon"
        if lead.casefold().startswith(("paslon", "calon")) and "pasangan" not in lead.casefold():
            lead = "pasangan " + lead if lead.casefold().startswith("calon") else lead
        where = self._sentence_region(sentence_start, tail_end)
        return f"{lead} ({where})" if where and where.casefold() not in lead.casefold() else lead

    def _sentence_region(self, start: int, end: int) -> str:
        if not self.gazetteer:
            return ""
        for k in range(start, end):
            if k in self._region_tokens:
                m = k
                while m + 1 < end and m + 1 in self._region_tokens:
                    m += 1
                prefix = self._words[k - 1] if k and self._folded[k - 1].startswith("pil") else ""
                return " ".join(filter(None, [prefix, *self._words[k : m + 1]]))
        return ""

    def _nickname_pair(self, names: list[_Name], a: int, b: int) -> None:
        inside = [w for w in self._words[a:b] if w not in ("-", "–")]
        if len(names) == 2 and len(inside) == 2 and all(w[:1].isupper() and w[1:].islower() for w in inside):
            for name, nick in zip(names, inside, strict=False):
                self._pending_alias.append((" ".join(name.words), nick))

    # ----- merging ----------------------------------------------------------------------------------
    def _span_text(self, a: int, b: int) -> str:
        if b <= a:
            return ""
        text = self._text[self._toks[a].start() : self._toks[b - 1].end()]
        return re.sub(r"\s+", " ", text).strip(" ,")

    def _add(
        self, name: _Name, role: str = "", candidate: bool = False, new_ok: bool = True
    ) -> "NamedPerson | None":
        full = " ".join(name.words)
        span = (self._offset + self._toks[name.start].start(), self._offset + self._toks[name.end - 1].end())
        key = full.casefold()
        for person in self.found:
            if person.name.casefold() == key or key in (a.casefold() for a in person.aliases):
                self._merge(person, name, role, candidate, span)
                return person
        words = {w.casefold().rstrip(".") for w in name.words}
        if not candidate:
            # A later short form ("Qomaru", "Dr. Imran") or a spelling variant of someone already named.
            for person in self.found:
                if words <= person.words or (
                    len(name.words) > 1 and fuzz.ratio(key, person.name.casefold()) >= 88
                ):
                    if full not in person.aliases and full != person.name:
                        person.aliases.append(full)
                    self._merge(person, name, role, candidate, span)
                    return person
            for person in self.found:
                if not person.candidate and person.words < words:
                    # The full name after a short first mention: keep the long form as the name.
                    person.aliases.append(person.name)
                    person.name = full
                    self._merge(person, name, role, candidate, span)
                    return person
        if not new_ok:
            return None
        # Headlines capitalise every word, so a name there is a new person only if the body writes it
        # too: "Anies Baswedan Jenguk Habibie" is Anies Baswedan and a verb.
        if self._headline and not re.search(rf"\b{re.escape(full)}\b", self._body):
            return None
        person = NamedPerson(
            full, list(name.honorifics), role=role, candidate=candidate, spans=[span], evidence=full
        )
        self.found.append(person)
        for long_name, nick in self._pending_alias:
            if long_name == full:
                person.aliases.append(nick)
        return person

    def _merge(self, person: NamedPerson, name: _Name, role: str, candidate: bool, span) -> None:
        person.mentions += 1
        person.spans.append(span)
        if name.honorifics and not person.honorifics:
            person.honorifics = list(name.honorifics)
        if role and (not person.role or _more_specific(role, person.role)):
            person.role = role
        person.candidate = person.candidate or candidate


_RANK_WORDS = RANKS | {"tni", "pol", "polri", "purn", "(purn)", "ad", "al", "au", "jenderal"}


def _rank_only(role: str) -> list[str]:
    """The words of a "role" that is only a rank ("Irjen Pol.", "Letjen TNI (Purn)"), else []."""
    words = role.split()
    if words and all(w.casefold().strip(".()") in _RANK_WORDS for w in words):
        return words
    return []


def _one_word(person: NamedPerson) -> bool:
    return len(person.name.split()) == 1


def _shortens(short: Ticket, full: Ticket) -> bool:
    """Every half of `short` is the same person as in `full` or a short form of them."""
    halves = ((short.head, full.head), (short.deputy, full.deputy))
    return (
        short is not full
        and any(n is not f for n, f in halves)
        and all(
            nick is long
            or _one_word(nick)
            and not _one_word(long)
            and (nick.words <= long.words or _nickname_of(nick.words, long.words))
            for nick, long in halves
        )
    )


def _nickname_of(words: set[str], name_words: set[str]) -> bool:
    """A ticket's short name cut from a candidate's name: "Dana" for Suardana, "Tamba" for Tambahan."""
    if len(words) != 1:
        return False
    (word,) = words
    return len(word) >= 4 and any(w != word and (w.startswith(word) or w.endswith(word)) for w in name_words)


def _more_specific(new: str, old: str) -> bool:
    generic = {"pasangan calon", "paslon", "calon", "pasangan"}
    old_base = re.sub(r"\s*\(.*\)$", "", old).casefold()
    return old_base in generic and (
        "nomor urut" in new.casefold()
        or old_base != new.casefold()
        and len(new) > len(old)
        and "(" not in new
    )
