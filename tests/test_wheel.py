"""A wheel of the project works like the checkout: it carries its data, installs its spiders and pipelines inside
the ``newsarchive`` package, keeps the user's archive out of site-packages, and runs as ``python -m newsarchive``.

The wheel is built from this checkout with the virtualenv's own setuptools (no download) and installed into a
folder of its own, which a fresh interpreter then imports from, far from the checkout.
"""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ARTICLE_HTML, ROOT, cli_env, write_page

DEMO_PAGE = ROOT / "data" / "demo" / "2022" / "10"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the folder it was installed into)."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp / "dist"), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    assert "deprecat" not in build.stderr.lower(), build.stderr
    wheel = next((tmp / "dist").glob("newsarchive-*.whl"))
    target = tmp / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                              str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    return wheel, target


def _run(target: Path, home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m newsarchive ARGS`` importing the installed copy only, run from a folder far from the checkout."""
    environment = {k: v for k, v in cli_env().items() if not k.startswith(("XDG_", "NEWSARCHIVE_"))}
    environment |= {"PYTHONPATH": str(target), "HOME": str(home), **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsarchive", *args], capture_output=True, text=True,
                          cwd=home, env=environment, timeout=300)


def test_wheel_holds_the_package_its_data_and_nothing_at_the_top(installed: tuple[Path, Path]) -> None:
    wheel, target = installed
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"newsarchive"}
    for needed in ("newsarchive/spiders/article.py", "newsarchive/pipelines/store.py", "newsarchive/py.typed",
                   "newsarchive/data/outlets.toml", "newsarchive/data/languages/id.toml",
                   "newsarchive/data/profiles.toml", "newsarchive/serve/templates/newsarchive_article.html",
                   "newsarchive/archive/migrations/script.py.mako"):
        assert needed in names, needed
    assert not any(n.endswith(".sqlite3") for n in names)
    # every module of the checkout's packages is in the wheel
    for folder, package in (("newsarchive", "newsarchive"), ("spiders", "newsarchive/spiders"),
                            ("pipelines", "newsarchive/pipelines")):
        for source in (ROOT / folder).rglob("*.py"):
            assert f"{package}/{source.relative_to(ROOT / folder).as_posix()}" in names, source


def test_installed_package_parses_like_the_checkout(installed: tuple[Path, Path], tmp_path: Path) -> None:
    page = next(DEMO_PAGE.glob("*.html"))
    url = "http://wartapertahanan.example/2022/10/" + page.name
    ours = _run(installed[1], tmp_path, "parse", str(page), "--url", url)
    checkout = subprocess.run([sys.executable, "-m", "newsarchive", "parse", str(page), "--url", url],
                              capture_output=True, text=True, env=cli_env(), timeout=300)
    assert ours.returncode == 0 and checkout.returncode == 0, ours.stderr
    mine, theirs = json.loads(ours.stdout), json.loads(checkout.stdout)
    assert mine["cited_sources"] == theirs["cited_sources"] and mine["authors"] == theirs["authors"]
    assert mine == theirs


def test_installed_package_keeps_the_archive_in_the_users_data_folder(installed: tuple[Path, Path], tmp_path: Path,
                                                                      site: tuple[Path, str]) -> None:
    site_packages = installed[1]
    root, base = site
    write_page(root, "/2023/03/jadwal.html", ARTICLE_HTML.format(headline="Jadwal Baru Angkutan Kota"))
    page = base + "/2023/03/jadwal.html"
    result = _run(site_packages, tmp_path, "scrape", page)
    assert result.returncode == 0, result.stderr
    expected = tmp_path / ".local" / "share" / "newsarchive" / "archive.sqlite3"
    assert expected.exists()
    assert not list(site_packages.rglob("*.sqlite3"))
    # XDG_DATA_HOME moves it; NEWSARCHIVE_DB names it outright
    xdg = tmp_path / "xdg"
    assert _run(site_packages, tmp_path, "scrape", page, env={"XDG_DATA_HOME": str(xdg)}).returncode == 0
    assert (xdg / "newsarchive" / "archive.sqlite3").exists()
    named = tmp_path / "named.sqlite3"
    assert _run(site_packages, tmp_path, "scrape", page, env={"NEWSARCHIVE_DB": str(named)}).returncode == 0
    assert named.exists()


def test_installed_spiders_and_pipelines_are_subpackages(installed: tuple[Path, Path], tmp_path: Path) -> None:
    code = ("import newsarchive.spiders.article as a, newsarchive.pipelines.store as s;"
            "print(a.__file__); print(s.__file__)")
    env = {**cli_env(), "PYTHONPATH": str(installed[1])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    for path in result.stdout.split():
        assert Path(path).is_relative_to(installed[1]), path
    assert not (installed[1] / "spiders").exists() and not (installed[1] / "pipelines").exists()
