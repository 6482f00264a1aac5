// The guided player at /routines/<slug or id>/play: the intro, the running workout, and the
// hand-over to the finish screen. Timing rules live in engine.js; this file draws and listens.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const engine = steady.playerEngine;
  const words = steady.stepWords;
  const cues = steady.playerCues;
  const { clock, exerciseName } = steady.labels.training;
  const TICK_MS = 250;
  const HEARTBEAT_MS = 5000;

  async function loadRoutine(ref, catalog) {
    const ready = catalog.routine.get(ref);
    if (ready) return { ...ready, ref, slug: ref };
    const custom = await steady.customRoutines.getRoutine(ref).catch(() => null);
    return custom ? { ...custom, ref, slug: null } : null;
  }

  /** Replace the screen's content; keep focus on the page (its h1) if it was there. */
  function render(root, children) {
    const hadFocus = root.contains(document.activeElement) || document.activeElement === document.body;
    root.replaceChildren(...children.filter(Boolean));
    const heading = root.querySelector('h1');
    if (hadFocus && heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }

  /** The exercise's clip: looping video while it is done, a still (poster) otherwise; mirrored when the
   * step is the other side than the one rendered, so "Left side" shows the left side working. */
  function clip(exercise, { moving, side }) {
    const video = exercise && exercise.video;
    if (!video) return null;
    const still = !moving || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const media = still
      ? h('img', { src: video.poster, alt: '', width: video.width, height: video.height, 'data-origin': video.origin, onerror: (e) => e.target.closest('.player-clip').remove() })
      : steady.components.clipUnsaved.standInWhenUnsaved(h('video', {
        src: video.src, poster: video.poster, muted: true, loop: true, autoplay: true, playsinline: true, preload: 'auto',
        width: video.width, height: video.height, 'aria-label': `Demonstration of ${exercise.name}`, 'data-origin': video.origin,
      }), video, exercise.slug);
    if (!still) media.muted = true;
    const mirrored = video.side !== 'both' && (side === 'left' || side === 'right') && side !== video.side;
    return h('div', { class: mirrored ? 'player-clip is-mirrored' : 'player-clip' }, media);
  }

  /** For an exercise with no clip yet, the card's steps stand where the clip would play. */
  function stepsInstead(exercise) {
    if (!exercise || exercise.video || !exercise.steps || !exercise.steps.length) return null;
    return h('div', { class: 'player-steps' },
      h('p', { class: 'player-steps-head' }, 'Its clip is coming. How to do it:'),
      h('ol', {}, exercise.steps.map((text) => h('li', {}, text))));
  }

  function saveClipsForOffline(routine, catalog) {
    const urls = steady.components.saveOffline.clipUrls(routine.items.map((item) => catalog.exercise.get(item.exercise)));
    if (!urls.length || !('caches' in window)) return;
    steady.downloads.saveDownload({
      key: `routine:${routine.ref}`, kind: routine.slug ? 'routine' : 'custom-routine', slug: routine.ref, title: routine.name, urls,
    }).catch(() => undefined); // offline or out of space: the routine runs anyway, clips or not
  }

  /** What the runner's levels prescribe for the routine's exercises that have one: {slug: prescription}. */
  function prescriptionsFor(routine, catalog, levels) {
    const found = {};
    for (const item of routine.items) {
      const now = steady.levels.prescribed(catalog.exercise.get(item.exercise), levels.get(item.exercise));
      if (now) found[item.exercise] = now;
    }
    return found;
  }

  /** The week's doses of a followed program ({slug: {reps} | {seconds}}) over the levels' prescriptions,
   * whichever is higher; a dose of the kind the routine's item counts wins over a level of the other kind. */
  function withWeekDoses(prescriptions, doses) {
    const merged = { ...prescriptions };
    for (const [slug, dose] of Object.entries(doses)) {
      const [kind, target] = dose.reps ? ['reps', dose.reps] : ['seconds', dose.seconds];
      const level = merged[slug];
      if (!level || level.dose !== kind) merged[slug] = { dose: kind, target, week: true };
      else if (target > level.target) merged[slug] = { ...level, target, week: true };
    }
    return merged;
  }

  function prescribedText(exercise, now) {
    if (!now.week) return `Your level: ${steady.components.levelPanel.placeText(exercise, { rung: now.rung, dose: now.target })}`;
    const amount = `${now.target} ${now.dose === 'reps' ? 'reps' : 's'}${exercise && exercise.unilateral ? ' per side' : ''}`;
    return now.label ? `This week: ${now.label} · ${amount}` : `This week: ${amount}`;
  }

  function timelineFor(routine, catalog, settings, prescriptions, firstSides) {
    const doses = {};
    for (const [slug, now] of Object.entries(prescriptions)) doses[slug] = now.dose === 'reps' ? { reps: now.target } : { seconds: now.target };
    return steady.rules.timeline.buildTimeline(routine, catalog.exercise, {
      switchSeconds: settings.switch_seconds, getReadySeconds: settings.get_ready_seconds, doses, firstSides,
    });
  }

  /** {slug: weaker side} for the routine's per-side exercises when the runner starts on the weaker side; else {}. */
  async function firstSidesFor(routine, catalog, settings) {
    if (!settings.weaker_side_first) return {};
    const { readAsymmetry, weakerSides } = steady.components.asymmetryLine;
    // An unreadable log only loses the ordering: left first, as with the setting off.
    return readAsymmetry(routine.items.map((item) => catalog.exercise.get(item.exercise))).then(weakerSides, () => ({}));
  }

  function cueSummary(settings) {
    const on = [settings.cue_speech && 'spoken', settings.cue_beeps && 'beeps', settings.cue_vibration && 'vibration'].filter(Boolean);
    return on.length ? `Cues: ${on.join(', ')}. Switch sides pause: ${settings.switch_seconds} s.` : 'Cues are off.';
  }

  function showIntro(screen, other, elsewhere) {
    const { root, routine, settings, context, prescriptions, firstSides } = screen;
    const { catalog } = context;
    const steps = timelineFor(routine, catalog, settings, prescriptions, firstSides);
    const seconds = steady.rules.timeline.timelineSeconds(steps);
    const start = h('button', { type: 'button', class: 'button button-big' }, other ? 'Discard it and start this one' : 'Start');
    const startError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    start.addEventListener('click', async () => {
      cues.configure(settings);
      cues.unlock(); // inside the tap, or iOS stays silent
      try {
        if (other) {
          await steady.workoutStore.clearWorkout();
          steady.formDrafts.clearDraft(`/routines/${other.ref}/play`); // its finish form is gone with it
        }
        const now = Date.now();
        screen.state = engine.startWorkout({
          id: steady.outbox.newId(), routine: { ref: routine.ref, slug: routine.slug, name: routine.name },
          steps: timelineFor(routine, catalog, settings, prescriptions, firstSides), now, timeZone: steady.settings.sessionTimeZone(settings),
        });
        await steady.workoutStore.writeWorkout(screen.state);
      } catch (error) {
        startError.textContent = `The routine could not start: ${error.message}`;
        startError.hidden = false;
        return;
      }
      saveClipsForOffline(routine, catalog);
      runHere(screen);
    });
    render(root, [
      h('header', { class: 'player-head' },
        h('p', { class: 'eyebrow' }, 'Guided routine'),
        h('h1', {}, routine.name),
        h('p', { class: 'dose' }, `About ${Math.max(1, Math.round(seconds / 60))} min · ${steady.labels.routines.routineFormat(routine)}`)),
      other ? h('div', { class: 'notice' },
        h('p', {}, elsewhere ? `“${other.routine_name}” is running in another tab.` : `“${other.routine_name}” is still in progress.`),
        h('a', { class: 'button button-quiet', href: `/routines/${other.ref}/play` },
          elsewhere ? `Take over ${other.routine_name} here` : `Resume ${other.routine_name}`)) : null,
      steady.components.kitNeeded(routine, catalog),
      h('ol', { class: 'intro-items' }, routine.items.map((item) => {
        const exercise = catalog.exercise.get(item.exercise);
        const level = prescriptions[item.exercise];
        return h('li', {}, h('span', { class: 'card-title' }, exerciseName(item.exercise, catalog)),
          h('span', { class: 'card-meta' }, level ? prescribedText(exercise, level) : steady.labels.routines.itemTarget(item, routine, exercise)),
          firstSides[item.exercise] ? h('span', { class: 'card-meta' }, words.weakerFirst(firstSides[item.exercise])) : null);
      })),
      h('p', { class: 'hint' }, cueSummary(settings), ' ', h('a', { href: '/settings' }, 'Change in settings'), '.'),
      h('p', { class: 'hint' }, 'The screen stays on while the routine runs. Leave at any time: it picks up where you were.'),
      startError,
      // Starting here would overwrite the workout another tab is running.
      elsewhere ? null : start,
    ]);
  }

  function showRunning(screen) {
    const { root, routine, settings, context, prescriptions } = screen;
    const { catalog } = context;
    cues.configure(settings);
    const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'player-live' });
    const counter = h('p', { class: 'eyebrow player-round' });
    const stage = h('section', { class: 'player-stage', 'aria-labelledby': 'player-step' });
    const next = h('aside', { class: 'player-next', 'aria-label': 'Next up' });
    const progress = h('progress', { class: 'player-progress', max: screen.state.steps.length, value: 0, 'aria-label': 'Routine progress' });
    const pauseButton = h('button', { type: 'button', class: 'button player-pause' }, 'Pause');
    const controls = h('div', { class: 'player-controls' },
      h('button', { type: 'button', class: 'button button-quiet', onclick: () => apply(engine.back(screen.state, Date.now())) }, 'Back'),
      pauseButton,
      h('button', { type: 'button', class: 'button button-quiet', onclick: () => apply(engine.skip(screen.state, Date.now())) }, 'Skip'));
    // Asks first: a stray tap next to Skip must not end the workout.
    const end = steady.components.inlineConfirm({
      label: 'End workout',
      question: 'End the workout now? What you did so far is kept for the log.',
      confirmLabel: 'End and log what I did',
      onConfirm: () => apply(engine.finishNow(screen.state, Date.now())),
    });
    end.classList.add('player-end');
    const saveError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    let shown = null;
    let timerText = null;
    let repsOutput = null;
    let saving = Promise.resolve();
    let interval = null;

    function persist() {
      if (screen.lost) return saving; // another tab runs the workout now: its writes win
      const snapshot = screen.state;
      // Handed to the store at once, which keeps the order; waiting here would let a Save overtake it.
      saving = steady.workoutStore.writeWorkout(snapshot).then(
        () => { saveError.hidden = true; },
        (error) => {
          // Never silent: the runner must know a reload would lose this progress.
          saveError.textContent = `Your progress is not being saved: ${error.message}`;
          saveError.hidden = false;
        });
      return saving;
    }

    function apply(state) {
      screen.state = state;
      persist();
      tick();
    }

    // The exercise's name opens its card; the workout pauses first (it is kept on the device), so
    // nothing runs on while the runner reads, and the card offers the way back.
    function cardLink(step) {
      return h('a', {
        href: `/exercises/${step.exercise}`, class: 'player-card-link',
        onclick: () => {
          if (screen.state.paused_ms === null) apply(engine.pause(screen.state, Date.now()));
          steady.wakeLock.release();
        },
      }, words.heading(step, catalog));
    }

    pauseButton.addEventListener('click', () => {
      const now = Date.now();
      if (screen.state.paused_ms === null) {
        apply(engine.pause(screen.state, now));
        steady.wakeLock.release();
        announce('Paused.');
      } else {
        apply(engine.resume(screen.state, now));
        steady.wakeLock.hold();
        announce('Resumed.');
      }
    });
    // The first tap after a reload re-opens audio, which browsers close with the page.
    root.addEventListener('pointerdown', () => cues.unlock(), { once: true });

    function drawStep(pos) {
      const { step } = pos;
      // Redrawing the stage removes the button a keyboard user just pressed; keep them on the controls.
      const focusLost = stage.contains(document.activeElement);
      const upcoming = step.kind === 'work' || step.kind === 'reps' ? null : step;
      const exercise = catalog.exercise.get(step.exercise);
      const level = upcoming ? null : prescriptions[step.exercise];
      timerText = null;
      repsOutput = null;
      let measure;
      if (step.kind === 'reps') {
        repsOutput = h('output', { class: 'reps-count', id: 'reps-count' }, String(screen.state.reps));
        measure = h('div', { class: 'reps-block' },
          h('p', { class: 'player-target' }, `Target: ${words.repsTarget(step)}`),
          h('div', { class: 'reps-counter' },
            h('button', { type: 'button', class: 'round-button', 'aria-label': 'One rep fewer', onclick: () => apply(engine.adjustReps(screen.state, -1)) }, '−'),
            h('label', { class: 'reps-label', for: 'reps-count' }, h('span', { class: 'visually-hidden' }, 'Reps done: '), repsOutput),
            h('button', { type: 'button', class: 'round-button', 'aria-label': 'One rep more', onclick: () => apply(engine.adjustReps(screen.state, 1)) }, '+')),
          h('button', { type: 'button', class: 'button button-big', onclick: () => apply(engine.completeReps(screen.state, Date.now())) }, 'Done'));
      } else {
        timerText = h('span', { class: 'timer-digits' });
        measure = h('p', { class: 'player-timer', role: 'timer' }, h('span', { class: 'visually-hidden' }, 'Seconds left: '), timerText);
      }
      const note = weakerNote(pos);
      stage.className = `player-stage kind-${step.kind}`;
      stage.dataset.kind = step.kind;
      stage.replaceChildren(...[
        // While working the heading is the exercise, so a line above says what kind of step it is.
        upcoming ? null : h('p', { class: 'player-kind' }, words.KIND[step.kind]),
        h('h2', { id: 'player-step', class: 'player-step' }, upcoming ? words.heading(step, catalog) : cardLink(step)),
        upcoming ? h('p', { class: 'player-upcoming' }, words.upcomingLine(step, catalog))
          : (step.side !== 'both' ? h('p', { class: 'player-side' }, `${step.side === 'left' ? 'Left' : 'Right'} side`) : null),
        note ? h('p', { class: 'player-weaker' }, note) : null,
        level && level.label ? h('p', { class: 'player-rung' }, h('span', { class: 'visually-hidden' }, 'Your level: '), level.label) : null,
        !upcoming && exercise && exercise.top_tip ? h('p', { class: 'player-tip' }, h('strong', {}, 'Tip: '), exercise.top_tip) : null,
        clip(exercise, { moving: !upcoming, side: step.side }) || (upcoming ? null : stepsInstead(exercise)),
        measure].filter(Boolean));
      const after = upcoming ? null : words.nextExerciseStep(screen.state.steps, pos.index + 1);
      next.hidden = Boolean(upcoming); // during a rest the stage itself previews what is next
      next.replaceChildren(...(upcoming ? [] : after ? [
        h('h2', {}, 'Next up'),
        h('div', { class: 'next-card' },
          clip(catalog.exercise.get(after.exercise), { moving: false, side: after.side }),
          h('p', {}, h('strong', {}, exerciseName(after.exercise, catalog)),
            h('span', { class: 'card-meta' }, [words.capitalised(words.SIDE[after.side]), words.dose(after)].filter(Boolean).join(' · ')))),
      ] : [h('h2', {}, 'Next up'), h('p', {}, 'Last one: then you are done.')]));
      if (focusLost && shown) (stage.querySelector('.button-big') || pauseButton).focus({ preventScroll: true });
      counter.textContent = words.counterText(step, routine);
      progress.value = pos.index;
      live.textContent = note ? `${words.stepLine(step, catalog)} ${note}.` : words.stepLine(step, catalog);
    }

    // Said once per exercise, on its first bout, when that bout starts on the weaker side.
    function weakerNote(pos) {
      const { step } = pos;
      if (screen.firstSides[step.exercise] !== step.side) return null;
      const first = screen.state.steps.findIndex((s) => s.exercise === step.exercise && (s.kind === 'work' || s.kind === 'reps'));
      return first === pos.index ? words.weakerFirst(step.side) : null;
    }

    function drawClock(pos) {
      if (timerText) timerText.textContent = clock(pos.secondsLeft);
      if (repsOutput) repsOutput.textContent = String(screen.state.reps);
      root.classList.toggle('is-paused', pos.paused);
      pauseButton.textContent = pos.paused ? 'Resume' : 'Pause';
    }

    function fire(events, pos) {
      for (const event of events) {
        const step = pos.step || screen.state.steps[screen.state.steps.length - 1];
        cues.cue(event.cue, words.spoken(event, step, catalog));
        if (event.cue === 'count') live.textContent = String(event.n);
      }
    }

    function onVisible() {
      if (document.visibilityState === 'visible') tick();
    }

    function stop() {
      clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisible);
      steady.wakeLock.release();
      if (screen.claim) screen.claim.release();
      screen.claim = null;
    }

    screen.onLost = () => {
      screen.lost = true;
      stop();
      showElsewhere(screen, { taken: true });
    };

    function tick() {
      if (!root.isConnected) { stop(); return; } // the runner navigated away; the store keeps the workout
      const now = Date.now();
      screen.state = engine.catchUp(screen.state, now);
      const pos = engine.position(screen.state, now);
      if (shown && shown.index !== pos.index) persist();
      if (now - screen.state.seen_ms > HEARTBEAT_MS) {
        screen.state = engine.heartbeat(screen.state, now);
        persist();
      }
      if (shown) fire(engine.cueEvents(shown, pos), pos);
      if (pos.finished) {
        stop();
        persist();
        showFinish(screen);
        return;
      }
      if (!shown || shown.index !== pos.index) drawStep(pos);
      drawClock(pos);
      shown = pos;
    }

    render(root, [
      h('header', { class: 'player-head' }, counter, h('h1', { class: 'player-title' }, routine.name)),
      saveError, progress, stage, controls, next, end, live,
    ]);
    tick();
    if (!screen.state.paused_ms) steady.wakeLock.hold();
    interval = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisible);
    // Tests and support read where the player is from here.
    screen.root.dataset.state = 'running';
  }

  /** Run the workout in this tab if no other tab does (or, with `steal`, take it over). */
  async function runHere(screen, { steal = false } = {}) {
    const claim = await steady.workoutLock.claimWorkout({ steal, onLost: () => screen.onLost && screen.onLost() });
    if (!claim) {
      showElsewhere(screen, { taken: false });
      return;
    }
    screen.claim = claim;
    screen.lost = false;
    if (steal) {
      // The other tab stopped where it was: carry on from its last saved second.
      const latest = await steady.workoutStore.readWorkout();
      if (latest && latest.ref === screen.routine.ref) screen.state = engine.restore(latest, Date.now());
    }
    if (screen.state.finished_ms !== null) {
      claim.release();
      showFinish(screen);
    } else {
      showRunning(screen);
    }
  }

  /** Another tab runs this workout: say so, and offer to take it over rather than run it twice. */
  function showElsewhere(screen, { taken }) {
    const take = h('button', { type: 'button', class: 'button button-big' }, 'Take it over here');
    take.addEventListener('click', () => runHere(screen, { steal: true }));
    render(screen.root, [
      h('header', { class: 'player-head' },
        h('p', { class: 'eyebrow' }, 'Guided routine'),
        h('h1', {}, screen.routine.name)),
      h('p', { class: 'lead', role: 'status' }, taken
        ? 'This workout continued in another tab.'
        : 'This workout is running in another tab.'),
      h('p', {}, 'Only one tab runs a workout at a time, so nothing is counted twice. Take it over to carry on here: the other tab stops where it is.'),
      take,
    ]);
    screen.root.dataset.state = 'elsewhere';
  }

  async function showFinish(screen) {
    const { root, settings, context } = screen;
    steady.wakeLock.release();
    try {
      await steady.screenBundles.loadScreenBundle('log'); // the session form, shared with the quick log
    } catch (error) {
      // The workout is kept: once the form can be fetched, the finish screen shows it.
      render(root, [steady.views.needsConnection({ retry: () => showFinish(screen) }).node]);
      return;
    }
    render(root, steady.playerFinish.finishScreen({
      state: screen.state, catalog: context.catalog, settings, navigate: context.navigate,
      onBack: async () => {
        screen.state = engine.reopen(screen.state, Date.now());
        await steady.workoutStore.writeWorkout(screen.state);
        steady.formDrafts.clearDraft(); // the finish form is drawn afresh from the workout when it ends again
        announce('Back to the workout, paused where you were.');
        await runHere(screen);
      },
      onDiscard: async () => {
        await steady.workoutStore.clearWorkout();
        steady.formDrafts.clearDraft();
        announce('Session discarded.');
        context.navigate(screen.routine.slug ? `/routines/${screen.routine.slug}` : '/routines');
      },
    }));
    window.scrollTo(0, 0); // the summary and Save are the first screen, wherever the workout was scrolled to
    root.dataset.state = 'finished';
  }

  async function open(root, context) {
    steady.screenBundles.loadScreenBundle('log').catch(() => undefined); // ready for the finish screen
    const [routine, settings, workout, levels] = await Promise.all([
      loadRoutine(context.params.ref, context.catalog), steady.settings.readSettings(), steady.workoutStore.readWorkout(),
      steady.levels.levelsBySlug(),
    ]);
    if (!routine) {
      const missing = steady.views.notFound();
      render(root, [missing.node]);
      document.title = `${missing.title} · Steady`;
      return;
    }
    document.title = `${routine.name} · Steady`;
    // A program being followed prescribes this week's doses for its sessions (or the level, when higher).
    const followed = routine.slug ? await steady.components.followedProgram(context.catalog).catch(() => null) : null;
    const weekDoses = followed ? steady.components['programWeek'].weekDoses(followed, routine.slug) : {};
    const screen = {
      root, routine, settings, context, state: null,
      prescriptions: withWeekDoses(prescriptionsFor(routine, context.catalog, levels), weekDoses),
      firstSides: await firstSidesFor(routine, context.catalog, settings),
    };
    if (workout && workout.ref === routine.ref) {
      screen.state = engine.restore(workout, Date.now());
      if (screen.state.finished_ms !== null) showFinish(screen);
      else await runHere(screen);
    } else {
      showIntro(screen, workout, Boolean(workout) && await steady.workoutLock.workoutRunsElsewhere());
    }
  }

  /** The player screen: loads the routine and any workout in progress, then shows the right phase. */
  function player(context) {
    const known = context.catalog.routine.get(context.params.ref);
    const title = known ? known.name : 'Your routine';
    const root = h('div', { class: 'page player' }, h('h1', {}, title), h('p', { class: 'status-message' }, 'Loading…'));
    open(root, context).catch((error) => render(root, [
      h('h1', {}, 'The player could not start'), h('p', { role: 'alert' }, error.message || String(error))]));
    return { title, node: root };
  }

  steady.views.player = player;
})(globalThis.steady);
