"""RawDocument -> Source: HTML extraction, language and length checks, dedupe, date provenance."""

from __future__ import annotations

from datetime import date

from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.sources import build_sources

from corpus import example_file

ARTICLE = example_file("002").read_text(encoding="utf-8")
FRENCH = ("Le gouvernement algérien a annoncé samedi la fin de la prise d'otages sur le site gazier, où des dizaines "
          "de travailleurs étrangers étaient retenus par un groupe islamiste armé depuis mercredi. Le bilan reste "
          "incertain selon les autorités locales et les médias nationaux, qui évoquent de nombreuses victimes. ") * 2
GERMAN = ("Die algerische Armee hat die Geiselnahme in der Gasanlage am Samstag mit einem Sturmangriff beendet. "
          "Dabei wurden nach Angaben der Regierung mindestens 23 Geiseln und 32 Entführer getötet, teilte das "
          "Innenministerium in Algier mit. Die Lage bleibt unklar, berichten Medien übereinstimmend. ") * 2


def doc(content: str, origin: str = "a.txt", kind: str = "text", meta: DocMeta | None = None) -> RawDocument:
    return RawDocument(origin, content, kind, meta or DocMeta(), origin)  # type: ignore[arg-type]


def test_non_english_is_rejected_with_reason() -> None:
    sources, rejected = build_sources([doc(FRENCH, "fr.txt"), doc(GERMAN, "de.txt"), doc(ARTICLE)], Settings())
    assert len(sources) == 1
    assert [r.path for r in rejected] == ["fr.txt", "de.txt"]
    assert all("English" in r.reason for r in rejected)


def test_too_short_and_duplicate_are_rejected() -> None:
    sources, rejected = build_sources([doc("Breaking: more soon.", "short.txt"), doc(ARTICLE), doc(ARTICLE, "copy.txt")], Settings())
    assert len(sources) == 1
    assert "too little article text" in rejected[0].reason
    assert rejected[1].reason == "same text as a.txt"


def test_html_goes_through_trafilatura_with_metadata() -> None:
    html = ("<html><head><title>Siege ends</title><meta property='og:site_name' content='Example News'>"
            "<meta property='article:published_time' content='2013-01-20'></head><body><article><h1>Siege ends</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:9]) + "<p>&lt;script&gt;alert(1)&lt;/script&gt; is text.</p>"
            "</article><aside>Most popular: unrelated story</aside></body></html>")
    (source,), _ = build_sources([doc(html, "page.html", "html")], Settings())
    assert source.outlet == "Example News" and source.title == "Siege ends"
    assert (source.published, source.published_from) == (date(2013, 1, 20), "metadata")
    assert "unrelated story" not in source.text and "captured a sixth militant" in source.text


def test_html_without_article_text_is_rejected() -> None:
    _, rejected = build_sources([doc("<html><body><nav>Home</nav></body></html>", "front.html", "html")], Settings())
    assert "article text" in rejected[0].reason


def test_date_provenance_order() -> None:
    wsws = example_file("004").read_text(encoding="utf-8")
    (from_text,), _ = build_sources([doc(wsws)], Settings())
    assert (from_text.published, from_text.published_from) == (date(2013, 1, 21), "dateline")
    manifest = DocMeta(published=date(2013, 1, 22), published_from="manifest")
    (from_manifest,), _ = build_sources([doc(wsws, meta=manifest)], Settings())
    assert (from_manifest.published, from_manifest.published_from) == (date(2013, 1, 22), "manifest")


def test_ids_are_stable_content_hashes() -> None:
    (a,), _ = build_sources([doc(ARTICLE, "x.txt")], Settings())
    (b,), _ = build_sources([doc(ARTICLE, "elsewhere/y.txt")], Settings())
    assert a.id == b.id and a.id.startswith("s-")


def test_outlet_from_the_page_own_credits() -> None:
    """Al Jazeera's "Source:" line, a footer's site address, a bare agency credit; metadata still wins."""
    from newsfuse.sources import outlet_from_credits

    aj = example_file("003").read_text(encoding="utf-8")
    wsws = example_file("004").read_text(encoding="utf-8")
    reuters = example_file("002").read_text(encoding="utf-8")
    got = [s.outlet for s in build_sources([doc(aj, "aj.txt"), doc(wsws, "w.txt"), doc(reuters, "r.txt")], Settings())[0]]
    assert got == ["Al Jazeera", "wsws.org", "Reuters"]
    (named,), _ = build_sources([doc(aj, meta=DocMeta(outlet="AJE"))], Settings())
    assert named.outlet == "AJE"
    assert outlet_from_credits(()) is None
