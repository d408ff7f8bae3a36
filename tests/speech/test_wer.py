from mockmate_desktop.domain.wer import corpus_wer, normalise, word_errors


def test_normalise_ignores_case_punctuation_and_spelling_of_numbers() -> None:
    assert normalise("And so, my fellow Americans: ask NOT!") == [
        "and",
        "so",
        "my",
        "fellow",
        "americans",
        "ask",
        "not",
    ]
    assert normalise("Go forward 10 meters") == ["go", "forward", "ten", "meters"]
    assert normalise("Mr. Dashwood, cold-hearted") == ["mister", "dashwood", "cold", "hearted"]
    assert normalise("मुझे लगता है।") == ["मुझे", "लगता", "है"]


def test_word_error_kinds() -> None:
    result = word_errors("alpha bravo charlie delta echo", "alpha bravo kilo delta echo foxtrot")
    assert (result.substitutions, result.deletions, result.insertions) == (1, 0, 1)
    assert result.reference_words == 5
    assert abs(result.wer - 0.4) < 1e-9
    assert word_errors("alpha bravo charlie", "alpha charlie").deletions == 1
    assert word_errors("", "").wer == 0.0
    assert word_errors("", "noise").wer == 1.0
    assert word_errors("a b", "").deletions == 2


def test_corpus_wer_weights_by_reference_length() -> None:
    assert abs(corpus_wer([("a b c d", "a b c d"), ("e f", "e x")]) - 1 / 6) < 1e-9
