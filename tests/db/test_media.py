"""Type by content, sizes, pages, decoding at reduced size, orientation, and every bad file."""
from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image, ImageOps, JpegImagePlugin

from db import media
from db.errors import FileRejected
from tests.fixtures import corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return corpus.build(tmp_path_factory.mktemp("corpus"))


def _near(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


@pytest.mark.parametrize("key", sorted(corpus.GOOD))
def test_every_format_is_recognised_by_content(files, key):
    name, media_type, width, height, pages = corpus.GOOD[key]
    info = media.probe(files[key])
    assert info == media.MediaInfo(media_type, width, height, pages)


@pytest.mark.parametrize("key", sorted(corpus.GOOD))
def test_every_page_renders_within_the_size_asked(files, key):
    _name, media_type, width, height, pages = corpus.GOOD[key]
    for page in range(pages):
        img = media.render(files[key], media_type, page=page, max_size=50)
        assert max(img.size) <= 50
        assert img.mode in ("RGB", "RGBA", "L")
        # the shape is kept
        assert abs(img.size[0] / img.size[1] - width / height) < 0.1


@pytest.mark.parametrize("key", sorted(corpus.GOOD))
def test_thumbnail_is_a_small_picture(files, key):
    _name, media_type, *_ = corpus.GOOD[key]
    data = media.make_thumbnail(files[key], media_type, size=32)
    with Image.open(io.BytesIO(data)) as thumb:
        assert thumb.format in ("JPEG", "PNG")
        assert max(thumb.size) == 32 or max(thumb.size) <= 32


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(files, orientation):
    path = files[f"exif_{orientation}"]
    img = media.render(path, media.JPEG, max_size=200).convert("RGB")
    assert img.size == (corpus.W, corpus.H)  # wider than tall, as the clerk photographed it
    assert _near(img.getpixel((3, 3)), corpus.RED)
    assert _near(img.getpixel((corpus.W - 4, corpus.H - 4)), corpus.BLUE)
    assert _near(img.getpixel((corpus.W - 4, 3)), corpus.WHITE)
    with Image.open(path) as raw:  # and it agrees with Pillow's reference transpose
        reference = ImageOps.exif_transpose(raw).convert("RGB")
    assert reference.getpixel((3, 3)) == img.getpixel((3, 3))
    info = media.probe(path)
    assert (info.width, info.height) == (corpus.W, corpus.H)


def test_cmyk_jpeg_shows_in_rgb_not_inverted(files):
    img = media.render(files["jpeg_cmyk"], media.JPEG, max_size=80)
    assert img.mode == "RGB"
    assert sum(img.getpixel((40, 3))) > 600  # the page is light, not a negative


def test_png_transparency_is_kept_in_the_thumbnail(files):
    data = media.make_thumbnail(files["png_alpha"], media.PNG, size=64)
    assert data.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(data)) as thumb:
        assert thumb.mode == "RGBA"
        assert thumb.getpixel((0, 0))[3] == 0


def test_16_bit_png_is_scaled_not_clipped(files):
    img = media.render(files["png_16bit"], media.PNG, max_size=64)
    assert img.mode == "L"
    assert img.getpixel((0, 0)) == 0
    assert 100 < img.getpixel((32, 0)) < 160  # mid-grey, not white
    assert img.getpixel((63, 0)) == 255


def test_g4_fax_tiff_pages(files):
    with Image.open(files["tiff_g4"]) as raw:
        assert raw.info.get("compression") == "group4"
    page2 = media.render(files["tiff_g4"], media.TIFF, page=1, max_size=160)
    assert page2.mode == "L" and page2.size == (160, 120)
    assert page2.getextrema() == (0, 255)


def test_multipage_tiff_pages_differ(files):
    first = media.render(files["tiff_multipage"], media.TIFF, page=0, max_size=80)
    third = media.render(files["tiff_multipage"], media.TIFF, page=2, max_size=80)
    assert first.tobytes() != third.tobytes()


def test_pdf_page_two_and_beyond(files):
    img = media.render(files["pdf"], media.PDF, page=1, max_size=100)
    assert img.size[1] == 100
    with pytest.raises(FileRejected) as err:
        media.render(files["pdf"], media.PDF, page=2, max_size=100)
    assert err.value.code == "file_damaged"


def test_jpeg_is_decoded_at_reduced_size(tmp_path, monkeypatch):
    path = tmp_path / "big.jpg"
    corpus.picture((2400, 1600)).save(path, "JPEG")
    seen = []
    real = JpegImagePlugin.JpegImageFile.load

    def spy(self):
        result = real(self)
        seen.append(self.im.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    img = media.render(path, media.JPEG, max_size=256)
    assert max(img.size) == 256
    assert seen and max(seen[0]) <= 2400 // 4  # the decoder never built the full picture


@pytest.mark.parametrize("key", sorted(corpus.BROKEN))
def test_broken_files_are_rejected_with_a_reason(files, key):
    name, code = corpus.BROKEN[key]
    with pytest.raises(FileRejected) as err:
        media.probe(files[key], name)
    assert err.value.code == code
    assert err.value.params["name"] == name
    assert name in err.value.message("en") and name in err.value.message("zh")


def test_bomb_message_names_the_real_pixel_count(files):
    with pytest.raises(FileRejected) as err:
        media.probe(files["bomb"])
    assert err.value.params["pixels"] == "10,000"


def test_pixel_limit_is_checked_before_decoding(files, monkeypatch):
    monkeypatch.setattr(media, "MAX_PIXELS", 1000)
    for key in ("jpeg", "tiff_multipage", "webp"):
        with pytest.raises(FileRejected) as err:
            media.probe(files[key])
        assert err.value.code == "file_bomb"


def test_size_limit(files, monkeypatch):
    monkeypatch.setattr(media, "MAX_BYTES", 1000)
    with pytest.raises(FileRejected) as err:
        media.probe(files["pdf"])
    assert err.value.code == "file_too_big"
    assert "MB" in err.value.message("en")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileRejected) as err:
        media.probe(tmp_path / "nope.jpg")
    assert err.value.code == "file_not_found"
    folder = tmp_path / "scan.jpg"
    folder.mkdir()
    with pytest.raises(FileRejected) as err:
        media.probe(folder)
    assert err.value.code == "file_unreadable"
    assert "folder" in err.value.message("en") and "文件夹" in err.value.message("zh")


def test_sniff_ignores_the_name(files):
    assert media.probe(files["wrong_extension"]).media_type == media.PNG
    assert media.sniff(b"BM hello, this is a text file") is None
    assert media.sniff(b"") is None


_SEEDS = {}


def _seed_bytes(tmp_path_factory):
    if not _SEEDS:
        folder = tmp_path_factory.mktemp("seeds")
        built = corpus.build(folder)
        for key in ("jpeg", "png_alpha", "tiff_multipage", "tiff_g4", "webp", "bmp", "pdf", "heic"):
            _SEEDS[key] = built[key].read_bytes()
    return _SEEDS


# Pillow warns about the damage it meets on the way (corrupt EXIF, oversized tags): expected here.
@pytest.mark.filterwarnings("ignore::UserWarning:PIL")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_never_crash_the_prober(tmp_path_factory, data):
    seeds = _seed_bytes(tmp_path_factory)
    key = data.draw(st.sampled_from(sorted(seeds)))
    blob = bytearray(seeds[key])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(1, len(blob)))]
    path = tmp_path_factory.getbasetemp() / "mutant.bin"
    path.write_bytes(bytes(blob))
    try:
        info = media.probe(path)
    except FileRejected as exc:
        assert exc.code.startswith("file_")
        return
    media.make_thumbnail(path, info.media_type, size=32)  # what passed the probe can be shown


def test_heic_orientation_from_a_phone_is_applied_once(tmp_path):
    import pillow_heif

    exif = Image.Exif()
    exif[0x0112] = 6
    raw = corpus.displayed().transpose(Image.Transpose.ROTATE_90)  # as the sensor stored it
    path = tmp_path / "IMG_0001.HEIC"
    pillow_heif.from_pillow(raw).save(path, quality=90, exif=exif.tobytes())
    info = media.probe(path)
    assert (info.media_type, info.width, info.height) == (media.HEIC, corpus.W, corpus.H)
    img = media.render(path, media.HEIC, max_size=100).convert("RGB")
    assert img.size == (corpus.W, corpus.H)
    assert _near(img.getpixel((3, 3)), corpus.RED)
    assert _near(img.getpixel((corpus.W - 4, corpus.H - 4)), corpus.BLUE)
