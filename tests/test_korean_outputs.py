"""What a Korean notebook prints is Korean, numbers, shapes, symbols or code identifiers, never English prose."""

import nbformat
import pytest

from course_utils.build.check import notebook_problems
from course_utils.build.outputs import allowed_words, english_words, text_outputs


@pytest.mark.parametrize("text", [
    "classifier accuracy on held-out real digits: 0.936",
    "peak alive 1.20 MiB, saved for backward 0.50 MiB",
    "threads: 1 | load average: (1.0, 2.0, 3.0)",
    "After training, PixelShuffle has the largest checkerboard strength.",
])
def test_english_phrases_are_flagged(text):
    assert english_words(text)


@pytest.mark.parametrize("text", [
    "x.grad: (1, 3, 8, 8) True",
    "ConvT k4s2  (1, 32, 24, 24)  checkerboard_strength 1.000  뚜렷함",
    "'uniform'  0.000 없음 | pattern_rms 0.000",
    "close(before, after): True",
    "nearest (1, 1, 4, 4)  12.5 ms  PSNR 27.15 dB",
    "분류기 정확도, 따로 둔 진짜 숫자: 0.936",
    "up.0      ConvTranspose2d  (1, 512, 56, 56)",
])
def test_code_numbers_units_and_korean_pass(text):
    assert english_words(text) == []


def test_allow_list_holds_identifiers_and_units_only():
    assert {"ms", "db", "nearest", "true"} <= allowed_words()
    assert not {"strength", "accuracy", "saved", "parameters", "the"} & allowed_words()


def test_text_outputs_skip_images_and_widgets():
    cell = nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("display_data", data={"image/png": "", "text/plain": "<Figure size>"}),
        nbformat.v4.new_output("execute_result", data={"text/plain": "b"}, execution_count=1),
    ])
    assert text_outputs(cell) == "a\nb"


def test_a_planted_english_output_fails_the_korean_notebook_only(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(...)", execution_count=1, outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="saved for backward 0.50 MiB\n")])]
    found = notebook_problems(tmp_path / "x.ipynb", nb, "ko")
    assert len(found) == 1 and "prints English ['backward', 'for', 'saved']" in found[0]
    assert notebook_problems(tmp_path / "x.ipynb", nb, "en") == []


def test_committed_korean_notebooks_print_no_english(root):
    for path in sorted((root / "notebooks" / "ko").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == "code":
                assert english_words(text_outputs(cell)) == [], f"{path.name} cell {number}"


def test_an_identifier_with_a_korean_particle_is_code():
    assert english_words("output_padding(또는 forward의 output_size=)") == []
    assert english_words("forward pass") == ["forward", "pass"]


def test_variable_names_in_expressions_are_code():
    assert english_words("cropped == torch_out: True | useful = 4 | grid[~rim]: [1]") == []


def test_code_in_backticks_is_not_english_prose():
    from course_utils.build.outputs import english_words
    assert english_words("`overlap_counts(input_size, stride)`의 본문을 채워 결과를 `return`한 뒤") == []
    assert english_words("`x` saved for backward") == ["saved", "for", "backward"]
