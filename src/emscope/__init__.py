"""emscope: induce, measure and monitor emergent misalignment."""
