"""Updates after a crisis reply are read as updates, never as a reason to hide danger."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.crisis_updates import CrisisUpdateReader, read_update


@pytest.mark.parametrize(
    "text, kind",
    [
        ("i already called 911", "help_coming"),
        ("we called an ambulance, what do i do while we wait", "help_coming"),
        ("ambulance is on the way", "help_coming"),
        ("on the phone with 911 now", "help_coming"),
        ("what do i do till they get here", "help_coming"),
        ("i called theyre coming. his lips look blue", "help_coming"),
        ("if i text 988 will they send cops. i cant lose my kids", "police_fear"),
        ("will 988 call the police on me", "police_fear"),
        ("si llamo al 988 van a mandar a la policia?", "police_fear"),
        ("ok we called, they're on their way", "help_coming"),
        ("help is on the way what else do i do", "help_coming"),
        ("ok so what now until the paramedics arrive", "help_coming"),
        ("paramedics are here", "help_here"),
        ("the cops are here now", "help_here"),
        ("we are at the hospital now", "help_here"),
        ("we dont have narcan what now", "no_naloxone"),
        ("no narcan", "no_naloxone"),
        ("i cant afford an ambulance", "cost"),
        ("ambulance is way too expensive", "cost"),
        ("im scared ill get arrested if i call 911", "police_fear"),
        ("im safe now, he left", "safe_now"),
        ("he left.", "safe_now"),
        ("she's breathing again", "safe_now"),
        ("he woke up", "safe_now"),
        ("ok. i texted 988. someone answered", "reached_988"),
        ("im on the phone with the crisis line now", "reached_988"),
        ("988 picked up", "reached_988"),
        ("ok what do i even say to 988", "what_to_say"),
        ("what should i tell the 911 dispatcher", "what_to_say"),
        ("what do i say when they answer", "what_to_say"),
        ("can i just take some of my moms ativan", "self_medicate"),
        ("im going to take my friends xanax to get through the night", "self_medicate"),
        # v5 conversations, in our own words
        ("can i have a couple beers to make the shaking stop", "self_medicate"),
        ("i really don't want to talk to anybody", "refuses_911"),
        ("i wont call anyone", "refuses_911"),
        ("can i drink a little to stop the shakes", "self_medicate"),
        # role-play round 16, theirs and ours
        (
            "ok. the pills are on the kitchen counter right now. should I do something with them",
            "has_means",
        ),
        ("my pills are on the nightstand", "has_means"),
        ("should i flush them", "has_means"),
        ("what would i even say to them. im not like gonna do anything tonight", "what_to_say"),
        ("im asking what do i text them", "what_to_say"),
        ("I'm not calling 911. Last time someone called, cops showed up", "refuses_911"),
        ("can't I just wait till morning and take him to the clinic", "refuses_911"),
        ("will we get arrested if we call", "police_fear"),
        ("cops will come", "police_fear"),
        ("I gave the pills to my neighbor. texting 988 now", "reached_988"),
        ("an ambulance is like two thousand dollars, I can't", "cost"),
        ("aqui estan las pastillas para dormir de mi esposa, a lo mejor me tomo unas", "has_means"),
    ],
)
def test_updates_are_read(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "my son left rehab early",
        "he woke up this morning shaking",
        "i called 911 for my friend last year",
        "will i get in trouble at work for going to iop",
        "should i call 911",
        "what is narcan",
        "i think she's gone",  # never read as "safe now"
        "im safe, just want info",
        "do you have narcan at the clinic",
        "should i call 988",
        "i called 988 last year and it helped",
        "what do i tell my wife about the program",
        "can i stay on my suboxone while in iop",
        "i take my meds every morning",
        "my mom's pills are locked up now",
        "will i get in trouble at work if i miss a day",
        "the ambulance bill came, it was like two thousand dollars last year",
        "",
    ],
)
def test_everything_else_is_left_alone(text):
    assert read_update(text) is None


def parsed(text: str, intent: str, ranking: list | None = None) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 1.0})
    message.set(INTENT_RANKING_KEY, ranking or [{"name": intent, "confidence": 1.0}])
    message.set(ENTITIES, [])
    return message


def test_an_update_becomes_crisis_update_with_its_kind():
    (message,) = CrisisUpdateReader().process([parsed("we dont have narcan", "inform_use")])
    assert message.get(INTENT)["name"] == "crisis_update"
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [
        ("crisis_update", "no_naloxone")
    ]


def test_safe_now_never_hides_new_danger():
    text = "im safe now but he said he will come back and kill me"
    (message,) = CrisisUpdateReader().process([parsed(text, "crisis")])
    assert message.get(INTENT)["name"] == "crisis"


def test_help_coming_keeps_the_guards_category():
    message = parsed("called 911 and he's still not breathing", "crisis")
    message.set(ENTITIES, [{"entity": "crisis_category", "value": "overdose"}])
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis_update"
    assert {e["entity"]: e["value"] for e in message.get(ENTITIES)} == {
        "crisis_category": "overdose",
        "crisis_update": "help_coming",
    }


def test_a_classifier_only_update_takes_the_next_guess():
    ranking = [
        {"name": "crisis_update", "confidence": 0.6},
        {"name": "inform_use", "confidence": 0.3},
    ]
    (message,) = CrisisUpdateReader().process([parsed("he keeps using", "crisis_update", ranking)])
    assert message.get(INTENT)["name"] == "inform_use"
    assert all(r["name"] != "crisis_update" for r in message.get(INTENT_RANKING_KEY))


def test_the_call_911_words_do_not_recategorise_the_conversation():
    message = parsed("i already called 911", "crisis")
    message.set("crisis_guard", {"pattern_id": "call_911", "category": "medical"})
    message.set(
        ENTITIES,
        [
            {"entity": "crisis_category", "value": "medical"},
            {"entity": "crisis_pattern", "value": "call_911"},
        ],
    )
    (message,) = CrisisUpdateReader().process([message])
    assert [e["entity"] for e in message.get(ENTITIES)] == ["crisis_update"]


@pytest.mark.parametrize(
    "text",
    [
        "i dont want an ambulance",
        "we dont need 911",
        "can we just wait it out",
        "no ambulance please",
    ],
)
def test_refusing_911_is_answered_as_such(text):
    assert read_update(text) == "refuses_911"


def test_safe_words_beat_a_classifier_only_crisis():
    # role-play 2026-12-04: "everyone is safe" got the safety text back, four times
    ranking = [{"name": "crisis", "confidence": 0.9}, {"name": "greet", "confidence": 0.05}]
    message = parsed("ok everyone is safe now", "crisis", ranking)
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis_update"
    kinds = {e["entity"]: e["value"] for e in message.get(ENTITIES)}
    assert kinds == {"crisis_update": "safe_now"}


def test_safe_words_never_beat_the_guard():
    message = parsed("we are safe now, he has a knife outside", "crisis")
    message.set("crisis_guard", {"pattern_id": "weapon", "category": "violence"})
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("everyone is safe. I just want information about the program please", "ask_what_is_iop"),
        ("ok I texted 988 and talked to someone. how do i sign up?", "ask_admission_process"),
        ("the paramedics are here now. can he start your program after?", "ask_admission_process"),
    ],
)
def test_safe_again_and_a_program_question_gets_the_answer(text, question):
    ranking = [
        {"name": "crisis", "confidence": 0.7},
        {"name": question, "confidence": 0.2},
        {"name": "greet", "confidence": 0.1},
    ]
    (message,) = CrisisUpdateReader().process([parsed(text, "crisis", ranking)])
    assert message.get(INTENT)["name"] == question


def test_an_overdose_days_ago_is_not_an_update():
    assert read_update("no he is ok now, that was saturday. he is eating breakfast") is None


@pytest.mark.parametrize(
    "text",
    [
        "will the police arrest her when they show up",
        "he's on parole, if i call 911 he goes back",
        "do they have to report it to the police",
    ],
)
def test_fears_of_police_and_cps_are_answered(text):
    # role-play 2026-12-04: warrant, probation and CPS fears got the same text again
    assert read_update(text) == "police_fear"


@pytest.mark.parametrize(
    "text",
    ["will they take my insurance", "will they report my use to my employer", "is he on probation"],
)
def test_program_questions_are_not_police_fears(text):
    assert read_update(text) is None


@pytest.mark.parametrize(
    "text", ["could i just text 988 instead?", "what do i even say to them when i text 988"]
)
def test_texting_988_and_what_to_say_are_answered(text):
    # role-play 2026-12-04: "can i text 988 instead? what do i even say" got the first day
    assert read_update(text) == "what_to_say"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # role-play 2026-12-04, in our own words
        ("will they send the cops if i text 988", "police_fear"),
        ("do they call police when you text the crisis line", "police_fear"),
        ("the paramedics took her, she was talking", "help_here"),
        ("they took him to the hospital", "help_here"),
        ("shes safe at the er now, how does your program work", "safe_now"),
        ("ok im calling 911 now", "help_coming"),
        ("hanging up, i'm going to call 911", "help_coming"),
        ("we gave her narcan, how long does it take", "naloxone_given"),
        ("narcan is in his nose now, how long till it works", "naloxone_given"),
    ],
)
def test_more_updates_after_a_crisis_reply(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "i took a narcan training class",
        "they took him to jail",
        "should i call 911",
        "im calling about iop",
    ],
)
def test_more_look_alikes_are_left_alone(text):
    assert read_update(text) is None


def test_safe_and_asking_how_to_enrol_gets_the_admission_answer():
    # role-play 2026-12-04: "He is safe. How do we sign up" got the safety-procedures answer
    ranking = [
        {"name": "crisis", "confidence": 0.6},
        {"name": "ask_safety_procedures", "confidence": 0.3},
    ]
    text = "he is safe. how do we sign up for the program"
    (message,) = CrisisUpdateReader().process([parsed(text, "crisis", ranking)])
    assert message.get(INTENT)["name"] == "ask_admission_process"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Spanish SMS role-play 2026-12-04, in our own words
        ("ya marque al 911", "help_coming"),
        ("la ambulancia ya viene en camino", "help_coming"),
        ("no tengo narcan", "no_naloxone"),
        ("ya respira, gracias a dios", "safe_now"),
        ("la pongo de lado?", "overdose_first_aid"),
        ("me da miedo llamar, la migra nos puede deportar", "police_fear"),
        ("ya se lo llevaron al hospital", "help_here"),
    ],
)
def test_spanish_updates_after_a_crisis_reply(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text", ["me muero de hambre", "hace anos llame al 911", "la pongo a estudiar"]
)
def test_spanish_look_alikes_are_left_alone(text):
    assert read_update(text) is None


def test_safe_in_spanish_and_asking_how_to_enrol_gets_the_admission_answer():
    ranking = [{"name": "crisis", "confidence": 0.6}, {"name": "greet", "confidence": 0.3}]
    text = "ya estamos a salvo, como me inscribo"
    (message,) = CrisisUpdateReader().process([parsed(text, "crisis", ranking)])
    assert message.get(INTENT)["name"] == "ask_admission_process"


def test_giving_a_drink_for_the_withdrawal_gets_the_no_medicine_answer():
    # role-play 2026-12-04: "should i give him a beer for the withdrawal?" went unanswered
    assert read_update("should we give her a drink to calm the shakes") == "self_medicate"
    assert read_update("should i give him a ride to detox") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # role-play 2026-12-04 (voice): the first crisis message again
        (
            "she's snoring really loud now and I can't wake her up is she just sleeping",
            "not_sleeping",
        ),
        ("hes making this gurgling noise and wont wake up", "not_sleeping"),
        ("is he just sleeping?", "not_sleeping"),
        ("esta roncando y no despierta", "not_sleeping"),
        # role-play 2026-12-04 (SMS, hiding from a partner): the first message again
        ("i cant call he'll hear me. can i text 911?", "text_911"),
        ("does 911 take texts", "text_911"),
        ("puedo mandar un mensaje al 911?", "text_911"),
        # role-play 2026-12-04: CPS fears unanswered twice
        ("will cps take my kids if cops come? im scared", "cps_fear"),
        ("if i call will cps take my kids", "cps_fear"),
        ("if the cops come cps will get involved", "cps_fear"),
        ("will they report me to cps if i admit i drink", "cps_fear"),
        ("if i call 911 will they take my kids away", "cps_fear"),
        ("me van a quitar a mis hijos?", "cps_fear"),
        # safe again, in the words people use
        ("police took him. im at my moms with the kids now, we're ok", "safe_now"),
        ("we're okay now", "safe_now"),
    ],
)
def test_followups_that_looped_are_read(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "im fine",  # answers "how are you"; not a crisis update
        # screening answers about symptoms (personas p05, p18)
        "im ok right now cause i had some",
        "I'm fine right now since I drank",
        "my husband snores when he drinks",
        "we're ok with that time",
        "will they take my kids if i go to treatment",
        "can i text you instead of calling",
    ],
)
def test_their_look_alikes_are_left_alone(text):
    assert read_update(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # role-play 2026-12-04: the same 988 text, word for word
        "no plan or anything. my roommate is home. i just dont know who to talk to",
        "i'm not going to do anything tonight",
        "im not alone, my sister is here",
        "no tengo un plan",
    ],
)
def test_no_plan_after_thoughts_of_suicide_is_heard(text):
    assert read_update(text) == "no_plan"


@pytest.mark.parametrize(
    "text",
    [
        "i have no plans this weekend",
        "no plans to quit yet",
        "my wife is home after 6",
        # a "no" to the check-in question, answered as such (regression conversation)
        "no i'm not going to kill myself, i'm just worn out from relapsing",
    ],
)
def test_plans_and_people_at_home_are_not_updates(text):
    assert read_update(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # role-play 2026-12-04 (second round): the overdose words after a seizure, the same
        # message again to someone who could not talk
        ("hes snoring and wont answer me", "not_sleeping"),
        ("should i roll him over", "overdose_first_aid"),
        ("do i put her on her side", "overdose_first_aid"),
        ("i cant talk he'll hear me", "text_911"),
    ],
)
def test_second_round_followups(text, kind):
    assert read_update(text) == kind


def test_snoring_after_a_seizure_keeps_the_seizure_words():
    message = Message(data={TEXT: "hes snoring and wont answer me"})
    message.set(INTENT, {"name": "crisis", "confidence": 1.0})
    message.set(
        ENTITIES,
        [{"entity": "crisis_category", "value": "overdose", "start": 0, "end": 5}],
    )
    read = CrisisUpdateReader().process([message])[0]
    assert read.get(INTENT)["name"] == "crisis_update"
    assert "crisis_category" not in [e["entity"] for e in read.get(ENTITIES)]


@pytest.mark.parametrize(
    "text",
    [
        # role-play 2026-12-04 (third round, web): nothing was said about the pills
        "i dont want to call anyone. i just want it to stop. "
        "i have a bunch of my moms oxys saved up",
        "ive been saving up my xanax",
        "i've been stockpiling my oxy",
        "i have enough pills to not wake up",
        "i kept some extra meds set aside",
        "i have a gun in my room",
    ],
)
def test_means_kept_at_hand_are_answered(text):
    assert read_update(text) == "has_means"


@pytest.mark.parametrize(
    "text",
    [
        # someone else's pills, a parent's find, a figure of speech, money
        "my son has been stockpiling pills",
        "i found his stash of pills",
        "i saved money to buy pills",
        "the pills saved my life",
        "i save my pills for the weekend",
        "my husband has a gun and hes drunk",
        "i have pills",
    ],
)
def test_other_pills_and_guns_are_not_means_at_hand(text):
    assert read_update(text) != "has_means"


def test_means_after_thoughts_of_suicide_keep_the_conversations_category():
    message = parsed("i have enough pills to not wake up", "crisis")
    message.set(ENTITIES, [{"entity": "crisis_category", "value": "overdose"}])
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis_update"
    assert {e["entity"]: e["value"] for e in message.get(ENTITIES)} == {
        "crisis_update": "has_means"
    }


@pytest.mark.parametrize(
    "text",
    [
        # role-play 2026-12-04 (third round, web): the domestic-violence script twice
        "are you a real person? will you send cops to my house if i say that stuff",
        "no nobody is hurting me. i mean are you going to call the police on me because i "
        "said i want to die",
        "do you report me to the police",
    ],
)
def test_asking_whether_this_chat_calls_the_police_keeps_the_category(text):
    message = parsed(text, "crisis")
    message.set(ENTITIES, [{"entity": "crisis_category", "value": "violence"}])
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis_update"
    assert {e["entity"]: e["value"] for e in message.get(ENTITIES)} == {
        "crisis_update": "police_fear"
    }


def test_asking_the_chat_to_call_the_police_is_not_a_fear():
    # round 35: asking the assistant to place the call is read as such (the context hook
    # gives the danger's crisis reply first when nothing was answered before)
    assert read_update("can you call the police for me he is hitting me") == "call_for_me"


@pytest.mark.parametrize(
    "text",
    [
        # role-play 2026-12-04 (a father, SMS): a menu, then the naloxone text
        "the paranoia is the scary part, he thinks people are watching the house. is that too "
        "much for outpatient or would he need the hospital",
        "what do I do till then if the paranoia gets worse, he hasn't hurt anybody but he's "
        "scaring his little sister",
        "my son is on meth and hes paranoid",
        "he thinks people are after him",
        "mi hijo esta paranoico",
        "cree que lo estan vigilando",
    ],
)
def test_paranoia_gets_the_safety_answer(text):
    assert read_update(text) == "psychosis"


@pytest.mark.parametrize(
    "text",
    [
        "im paranoid my job will find out",
        "i'm paranoid about relapsing",
        "i used to get paranoid",
        # a habit and a question about treatment; a past withdrawal (tuned sets v9, es-v1)
        "my boyfriend does meth and gets paranoid for days. how do i even bring up treatment",
        "mi papa tuvo alucinaciones cuando dejo la bebida en 2020 y lo internaron",
    ],
)
def test_worry_called_paranoia_is_not_psychosis(text):
    assert read_update(text) is None


def test_hallucinations_in_withdrawal_keep_the_crisis_reply():
    message = parsed("he is hallucinating and shaking after quitting drinking", "crisis")
    guard = {"pattern_id": "tok_having_hallucinations", "category": "withdrawal"}
    message.set("crisis_guard", guard)
    (message,) = CrisisUpdateReader().process([message])
    assert message.get(INTENT)["name"] == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        # Spanish role-play 2026-12-04: a plan with his mother's pills, the same text again
        "tengo las pastillas de mi mama. me las voy a tomar todas esta noche",
        "he juntado muchas pastillas",
        "voy a tomarme todas las pastillas",
        "tengo una pistola en la casa",
    ],
)
def test_spanish_means_at_hand_are_answered(text):
    assert read_update(text) == "has_means"


@pytest.mark.parametrize("text", ["tengo que dejar las pastillas", "todas las noches tomo"])
def test_spanish_pills_without_means_at_hand(text):
    assert read_update(text) != "has_means"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # crisis role-play 2026-12-04 (night): "only 988 or 911, never a word on the pills"
        ("i have like a whole bottle of my moms oxys in my room rn", "has_means"),
        ("what do i do with the pills tho. like right now", "has_means"),
        (
            "I've been drinking and I got my dad's gun out. I'm just sitting here with it",
            "has_means",
        ),
        ("the gun. what do I do with the gun right now", "has_means"),
        ("ok i texted them theyre answering", "reached_988"),
        # Spanish role-play 2026-12-04 (night): answered with the treatment-records law
        ("el 988 llama a la policia o a inmigracion?", "police_fear"),
    ],
)
def test_night_role_play_followups(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "what should i do with the leftover pain pills after surgery",
        "i got a gun for protection",
        "i have a bottle of wine",
        "i texted them yesterday",
    ],
)
def test_night_look_alikes(text):
    assert read_update(text) not in ("has_means", "reached_988")
