"""Texts the program sends first: the outbox, its worker and the Twilio sender.

Importing this package is cheap (no Twilio client). The wording of the texts
is :mod:`iop_assistant.callback_texts`, which the store uses when it queues
them: the store never imports this package.
"""
