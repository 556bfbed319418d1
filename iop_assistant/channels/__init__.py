"""Custom Rasa input channels (Twilio SMS; voice later), see docs/sms.md.

Pure helpers (formatting, keywords, signatures, conversation ids) import
nothing from Rasa, so they are cheap to test.
"""
