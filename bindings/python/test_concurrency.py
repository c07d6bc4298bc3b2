"""One `Waymark` shared by several threads at once."""

import threading
from concurrent.futures import ThreadPoolExecutor

from support import MONDAY_10_MOSCOW

THREADS = 8


def on_threads(task):
    start = threading.Barrier(THREADS)

    def run(n):
        start.wait(timeout=30)
        return task(n)

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(run, range(THREADS)))


def test_writes_from_many_threads_all_land(open_profile):
    waymark = open_profile()
    per_thread = 5

    def work(n):
        for i in range(per_thread):
            waymark.checklist_add_own_item(f"Thread {n} item {i}", MONDAY_10_MOSCOW)
            waymark.home(MONDAY_10_MOSCOW)
        waymark.checklist_mark_done(waymark.checklist().items[n].id, MONDAY_10_MOSCOW)

    on_threads(work)
    view = waymark.checklist()
    assert view.progress.total == 11 + THREADS * per_thread
    assert view.progress.done == THREADS
    titles = {i.title for i in view.items if i.is_own}
    assert len(titles) == THREADS * per_thread
    assert [i.number for i in view.items] == list(range(1, len(view.items) + 1))


def test_a_screen_is_rendered_in_one_language_while_another_thread_switches_it(open_profile):
    waymark = open_profile()

    def work(n):
        seen = []
        for i in range(20):
            if n == 0:
                waymark.set_language("ru" if i % 2 == 0 else "en")
                continue
            guide = waymark.guide()
            languages = {section.language for section in guide.sections}
            assert len(languages) == 1, languages
            assert guide.title == ("Справочник" if languages == {"ru"} else "Guide")
            seen.append(languages.pop())
        return seen

    assert any(on_threads(work))
