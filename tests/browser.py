"""Headless Chromium for the browser tests: found on PATH, skipped without it, failed under CI."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
"""Names of a Chromium to look for on PATH, in this order."""


def browser_and_driver() -> tuple[str, str]:
    """Chromium and chromedriver found on PATH; without them the test is skipped, but under CI
    (CI=true, as .ci/run sets it) it fails: CI must not pass without the browser check."""
    browser = next(filter(None, map(shutil.which, BROWSERS)), None)
    driver = shutil.which("chromedriver")
    if browser and driver:
        return browser, driver
    missing = " and ".join(
        name for name, found in (("chromium", browser), ("chromedriver", driver)) if not found
    )
    message = f"{missing} not found on PATH (apt-get install chromium chromium-driver)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {message}: the browser test cannot run")
    pytest.skip(message)


def chrome(browser: str, driver: str):
    """Headless Chromium through chromedriver, logging the browser console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp(prefix='uitruil-chromium-')}",
        "--window-size=1600,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)
