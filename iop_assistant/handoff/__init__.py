"""Live handoff (issue 19, docs/handoff.md): help-line staff answer a web or SMS
conversation from the console while the bot is paused.

* :mod:`.settings`: timeouts and the on-duty time zone, from the environment;
* :mod:`.availability`: who is on duty, on-duty hours, "people can chat here …";
* :mod:`.queue`: the handoff rows (request, claim, reply, hand back, close,
  timeouts) — blocking SQL, shared by the action server, the channels, the
  console and the relay; no Rasa imports;
* :mod:`iop_assistant.channels.handoff_relay` (Rasa server only, beside the
  channels it serves): applies staff messages and endings to the tracker and
  delivers web messages to the widget's socket.
"""
