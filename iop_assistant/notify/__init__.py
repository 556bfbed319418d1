"""Texts the program sends first: the outbox, its worker and the Twilio sender.

Importing this package is cheap (no Twilio client): the store imports
:mod:`iop_assistant.notify.texts` to word the messages it queues.
"""
