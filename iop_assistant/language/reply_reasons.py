"""Names shared by the NLU, which says why it read a message as it did, and the response
generator, which adds to the reply for that reason (``language/nlg.py``). They live in the
language room because the NLU room already depends on it, never the other way round."""

from typing import Any, Dict

# the parse-data key where the control gate says why it chose the intent
GATE_OUTPUT = "control_gate"


def read_as(parse_data: Dict[str, Any], intent: str, reason: str) -> bool:
    """A message read by the conversation as ``intent``, sure, with the reason (which chooses
    the reply's words in language/nlg.py INSTEAD)."""
    parse_data["intent"] = {"name": intent, "confidence": 1.0}
    parse_data[GATE_OUTPUT] = {"from": "context", "reason": reason}
    return True


# reasons the response generator adds a note for, or answers differently
SPANISH_SPEAKER_REASON = "spanish speaker"
IMMIGRATION_REASON = "immigration"
# "if i come in will u call cps on me" (blind v18, read in round 24): the privacy law, and
# that state rules on reporting child safety still apply (42 CFR 2.12(c)(6))
CPS_REASON = "cps"
PREGNANCY_REASON = "pregnancy"
# "my son overdosed last night, the narcan worked and he's ok now. what should we do now"
# (regression r21, round 26: the naloxone answer alone, no next step): the weeks after, and
# the help line for what comes next
OVERDOSE_OVER_REASON = "overdose over"
# "where do i get narcan", "is narcan free" (crisis role-play round 26): where to get it
NALOXONE_WHERE_REASON = "naloxone where"
ALCOHOL_POISONING_REASON = "alcohol poisoning"
MIXING_REASON = "mixing"
PRESSED_PILLS_REASON = "pressed pills"
# "what are the signs of an overdose", "how would i know its happening" (role-plays round 22:
# the naloxone answer, no signs): what an opioid overdose looks like
OVERDOSE_SIGNS_REASON = "overdose signs"
# "what do you do if someone has a seizure? for a first aid class, not an emergency" (crisis
# role-play round 29: the naloxone answer twice): seizure first aid, and that the program
# teaches no first aid classes
SEIZURE_AID_REASON = "seizure first aid"
# "I take oxycodone as prescribed... do I qualify? would I have to stop it?" (stepdown
# role-play round 29): who decides, and not stopping on one's own
PAIN_MEDICINE_REASON = "prescribed pain medicine"
# "does family have to mean married?" and a guardian's "can I sign for my 15 year old?" (family
# role-play round 29): what is not known here, and who knows it
WHO_COUNTS_AS_FAMILY_REASON = "who counts as family"
MINOR_REASON = "a minor in treatment"
# "since he's 19 would you guys tell me what he says in there", "what if he relapses after"
# (blind v24/es-v15, read in round 30): answered for the relative, not as if they were the patient
FAMILY_PRIVACY_REASON = "what family is told"
FAMILY_RELAPSE_REASON = "a loved one's relapse"
FAMILY_SUPPORT_REASON = "support for the family"
# "can you tell me how to find something near me? columbus area" (stepdown role-play round 29)
ELSEWHERE_REASON = "treatment elsewhere"
# "how do I refer someone?" from a counsellor (stepdown role-play round 29)
REFERRAL_REASON = "referral"
# "I'm his probation officer, what will I hear back about attendance?" (round 31's list)
REFERRER_UPDATES_REASON = "what a referrer is told"
# "i drink a bottle of wine a night and im 10 weeks pregnant" (self role-play round 34)
USE_WHILE_PREGNANT_REASON = "use while pregnant"
# "she's shaking real bad... drinking again to calm it down. should I take her in somewhere?"
# (caller role-play round 35: a quiz offer, a menu and the suicide script before any answer)
WITHDRAWAL_CARE_REASON = "withdrawal care today"
DRINK_AGAIN_REASON = "drink again after stopping"
# "i rly wanna use rn. idk what to do" at 2am (texter role-play round 22: the detox offer):
# someone to talk to now, and staying safe if they do use
CRAVING_REASON = "craving"
# "idk man i aint ready fr" (texter role-play round 25: the crisis text): no pressure, the
# door stays open, and staying safer if they keep using
NOT_READY_REASON = "not ready"
# "WHY HASNT ANYONE CALLED ME BACK I ASKED YESTERDAY" (blind v16: the callback questions
# again, no number): sorry, the number now, and a new request if they want one
CALLBACK_NOT_RECEIVED_REASON = "callback not received"
# "what should i say to get my brother to go" (role-play round 22: the family-sessions answer):
# nobody can make someone ready; the help line talks it through first; family can call first
PERSUADING_REASON = "persuading a loved one"
# "is it dangerous if i use the same amount i used to before the 90 days", "my tolerance is
# probably down right" (self role-play round 23: the seizure text, then the crisis text)
LOST_TOLERANCE_REASON = "lost tolerance"
# stopping asked about after a past withdrawal seizure or the DTs was told (round 37)
PAST_SEIZURE_STOPPING_REASON = "stopping after a past withdrawal seizure"
# "when do I call 911?" right after the dosing answer: its 911 sentence is the answer, said
# again rather than "that's the main thing I know" (regression conversation, round 20)
WITHDRAWAL_SIGNS_REASON = "withdrawal signs"
# "why can't I just stop?" after the answer about tapering klonopin: why not alone, again
DOSING_REASON = "dosing"
ANSWERED_EVEN_IF_REPEATED = frozenset({WITHDRAWAL_SIGNS_REASON, DOSING_REASON})
# the parse-data key of a second question's reading (rasa_hooks/second_question sets it)
ALSO_ASKED = "also_asked"
# "are your groups like okay for gay guys" (blind v22, voice: a menu of topics): the group
# answer, and plainly that the program's policy on this is not known here and whom to ask
LGBTQ_REASON = "lgbtq groups"
# "did my mom sign me up for this", "i got a txt from this number yesterday" (texter role-play
# round 36: the admission answer, "a family member can make that first call")
WHO_SIGNED_UP_REASON = "who signed me up"
# "delete my number", "can u erase it or not" (texter round 36: the chat-privacy answer and a
# domestic violence note, then "That's okay")
DELETE_DATA_REASON = "delete my data"
# "can i call without giving my name" (round 37): yes, call and ask first
NO_NAME_CALL_REASON = "call without a name"
# "used" after two months off heroin (self role-play round 37: no word of the lower tolerance)
RELAPSE_AFTER_OPIOIDS_REASON = "relapse after opioids"
# "you already told me that" (round 37): said plainly, with a person offered
SAID_AGAIN_REASON = "said the same again"
# "day 3", "12 days clean" said alone (round 37)
DAYS_CLEAN_REASON = "days without use"
# "too long", "shorter pls" (texter role-play round 37): the answer again, shorter, and
# shorter answers for the rest of the conversation (language/short_replies.py)
SHORTER_REASON = "shorter"
# "any tips for getting through the weekend?" from someone leaving residential care
# (stepdown role-play round 38: a menu, then the detox questions): what helps the first days
GETTING_THROUGH_REASON = "getting through"
# "can you call me too if he doesn't answer?" once a call for her husband was saved (Spanish
# role-play round 38: his request was replaced): his call stays, and how she can be called
SECOND_CALL_REASON = "second call"
# "si hay una emergencia en un dia festivo a donde llamo" (Spanish role-play round 38: menus):
# 911 any day, 988 any time, and the help line's holiday hours unknown
WHO_TO_CALL_REASON = "who to call when it gets bad"
