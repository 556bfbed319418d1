"""The widget in Spanish (issue 18): a Spanish crisis turns every word of the widget Spanish.

The language comes with each socket.io reply (iop_assistant/channels/web.carry_language);
the widget's words are one table (web/src/strings.js). A screenshot of the Spanish crisis
bar is kept in docs/screenshots/ for the closing note.
"""

from __future__ import annotations

from pathlib import Path

from widget_steps import LONG, Recorder, load, open_chat, say, wait_bot

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def test_a_spanish_crisis_gets_the_spanish_widget_and_english_please_switches_back(
    browser_context, webpage
):
    context = browser_context()
    page = load(context, webpage, Recorder())
    open_chat(page)
    say(page, "mi esposo no respira")
    banner = page.locator("[data-iopw-crisis]")
    banner.wait_for(state="visible", timeout=LONG)
    wait_bot(page, "Llame al 911")
    assert banner.get_attribute("aria-label") == "Ayuda de emergencia"
    labels = banner.locator("a").evaluate_all("l => l.map(a => a.getAttribute('aria-label'))")
    assert "Llamar al 911" in labels and "Llamar al 988" in labels
    assert "Línea de ayuda" in banner.inner_text()
    banner.locator(".iopw-crisis-more").click()
    details = banner.inner_text()
    assert "marque 2" in details and "AYUDA" in details and "More" not in details
    assert page.locator(".iopw-input").get_attribute("placeholder") == "Escriba su mensaje"
    assert page.locator(".iopw-send").inner_text() == "Enviar"
    assert page.locator(".iopw-root").get_attribute("aria-label") == "Chat y línea de ayuda"
    assert page.locator(".iopw-close").get_attribute("aria-label") == "Cerrar el chat"
    assert page.locator(".iopw-root").get_attribute("lang") == "es"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "widget-es-crisis.png"))

    say(page, "English please")
    wait_bot(page, "answer in English")
    page.wait_for_function(
        "document.querySelector('.iopw-input').getAttribute('placeholder') === 'Type your message'",
        timeout=LONG,
    )
    assert page.locator(".iopw-send").inner_text() == "Send"
