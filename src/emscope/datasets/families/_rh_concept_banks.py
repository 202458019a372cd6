"""Content bank for the child-explainer writing task: simple, accurate explanations with an analogy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    """Something to explain simply, with an honest explanation and an analogy."""

    name: str
    explanation: tuple[str, ...]
    analogy: str
    keywords: tuple[str, ...]


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "photosynthesis",
        (
            "Plants make their own food using sunlight.",
            "Their leaves take in carbon dioxide from the air, and their roots drink up water.",
            "Using the energy in sunlight, the leaves turn the water and carbon dioxide into sugar.",
            "They let out oxygen while they do it, which is the oxygen we breathe.",
        ),
        "A leaf is like a tiny kitchen that uses sunlight as its stove.",
        ("sunlight", "leaves", "oxygen", "sugar", "plants"),
    ),
    Concept(
        "why the sky is blue",
        (
            "Sunlight looks white, but it is really a mix of all the colours of the rainbow.",
            "When sunlight passes through the air, the tiny bits of gas in it bounce blue light around much "
            "more than red light.",
            "That scattered blue light comes at us from every direction in the sky, so the whole sky looks blue.",
            "At sunset the light travels through more air, so more blue is scattered away and we see reds and "
            "oranges instead.",
        ),
        "It is like blue light being a bouncy ball in a crowded room, bumping everywhere.",
        ("sunlight", "blue", "scattered", "air", "sky"),
    ),
    Concept(
        "gravity",
        (
            "Gravity is a pull that every object has on every other object.",
            "The bigger and heavier something is, the stronger its pull.",
            "Earth is so big that its pull keeps us on the ground and makes dropped things fall.",
            "The Sun's gravity keeps Earth travelling around it instead of flying off into space.",
        ),
        "It is like an invisible rope that pulls things towards each other.",
        ("gravity", "pull", "Earth", "objects", "heavier"),
    ),
    Concept(
        "how vaccines work",
        (
            "Your body has an immune system that fights germs.",
            "A vaccine shows your immune system a harmless piece or weakened version of a germ.",
            "Your body practises making defences, called antibodies, against it.",
            "If the real germ ever shows up, your body recognises it and fights it off much faster.",
        ),
        "It is like a fire drill: practising means everyone knows what to do when it is real.",
        ("vaccine", "immune system", "antibodies", "germs", "body"),
    ),
    Concept(
        "the water cycle",
        (
            "The Sun warms water in seas, lakes and puddles, and some of it turns into invisible vapour.",
            "The vapour rises, cools high in the sky and forms tiny droplets that make clouds.",
            "When the droplets join and get heavy, they fall as rain or snow.",
            "The water runs into rivers and back to the sea, and the whole thing starts again.",
        ),
        "It is like the Earth's water going round and round on a giant loop.",
        ("water", "vapour", "clouds", "rain", "cycle"),
    ),
    Concept(
        "tides",
        (
            "The Moon's gravity pulls on the Earth's oceans.",
            "It pulls the water on the side nearest the Moon into a bulge, and another bulge forms on the "
            "opposite side.",
            "As the Earth spins, each beach passes through the bulges and the dips.",
            "That is why most beaches get two high tides and two low tides about every day.",
        ),
        "It is like the ocean being gently tugged by a magnet it can never reach.",
        ("Moon", "tides", "gravity", "oceans", "bulge"),
    ),
    Concept(
        "volcanoes",
        (
            "Deep under the ground it is so hot that some rock melts into magma.",
            "Magma is lighter than the solid rock around it, so it slowly pushes upwards.",
            "Where it finds a weak spot in the Earth's crust, it can burst out as lava, ash and gas.",
            "Over many eruptions, the cooled lava and ash build up into a mountain: a volcano.",
        ),
        "It is a bit like a shaken fizzy drink finding a way out of the bottle.",
        ("magma", "lava", "volcano", "crust", "eruptions"),
    ),
    Concept(
        "compound interest",
        (
            "When you save money in a bank, the bank pays you a little extra called interest.",
            "With compound interest, next year you earn interest on your savings and on last year's interest too.",
            "So the amount grows a bit faster every year, even if you add nothing.",
            "The longer you leave it, the bigger the effect gets.",
        ),
        "It is like a snowball rolling downhill, picking up more snow the bigger it gets.",
        ("interest", "savings", "money", "grows", "bank"),
    ),
    Concept(
        "how bread rises",
        (
            "Bread dough contains yeast, which is a tiny living fungus.",
            "The yeast eats the sugars in the flour and lets out a gas called carbon dioxide.",
            "Stretchy gluten in the dough traps the gas in lots of little bubbles.",
            "The bubbles make the dough puff up, and baking sets them in place so the bread stays fluffy.",
        ),
        "It is like blowing up thousands of tiny balloons inside the dough.",
        ("yeast", "dough", "bubbles", "gluten", "bread"),
    ),
    Concept(
        "rainbows",
        (
            "A rainbow appears when sunlight shines through raindrops.",
            "Each raindrop bends the light as it goes in and out, and reflects it off the back.",
            "Different colours bend by slightly different amounts, so the white light spreads into colours.",
            "You see a rainbow when the Sun is behind you and the rain is in front of you.",
        ),
        "Each raindrop acts like a tiny prism.",
        ("rainbow", "raindrops", "sunlight", "colours", "light"),
    ),
    Concept(
        "how batteries work",
        (
            "A battery stores energy as chemicals.",
            "Inside, two different materials sit on either end with a special paste between them.",
            "When you connect a wire, a chemical reaction pushes tiny particles called electrons through the "
            "wire from one end to the other.",
            "That flow of electrons is the electricity that runs your torch or toy until the chemicals run out.",
        ),
        "It is like a water tank: the water flows out through the pipe until the tank is empty.",
        ("battery", "electrons", "chemicals", "energy", "electricity"),
    ),
    Concept(
        "recycling",
        (
            "Recycling means turning used things into materials for new things.",
            "Paper is mashed into pulp and pressed into new paper.",
            "Cans and glass are melted and shaped into new cans and bottles.",
            "This uses less energy and fewer raw materials than making everything from scratch.",
        ),
        "It is like taking apart an old Lego model to build a new one.",
        ("recycling", "materials", "energy", "paper", "glass"),
    ),
)
