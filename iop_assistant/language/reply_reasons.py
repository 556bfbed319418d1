"""Names shared by the NLU, which says why it read a message as it did, and the response
generator, which adds to the reply for that reason (``language/nlg.py``). They live in the
language room because the NLU room already depends on it, never the other way round."""

# the parse-data key where the control gate says why it chose the intent
GATE_OUTPUT = "control_gate"
# reasons the response generator adds a note for, or answers differently
SPANISH_SPEAKER_REASON = "spanish speaker"
IMMIGRATION_REASON = "immigration"
PREGNANCY_REASON = "pregnancy"
ALCOHOL_POISONING_REASON = "alcohol poisoning"
MIXING_REASON = "mixing"
PRESSED_PILLS_REASON = "pressed pills"
# the parse-data key of a second question's reading (rasa_hooks/second_question sets it)
ALSO_ASKED = "also_asked"
