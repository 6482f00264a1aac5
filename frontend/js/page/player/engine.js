// The guided player's state and its rules, with no DOM and no timers of its own. The state
// holds absolute timestamps (when the current step started, when it was paused), never a
// countdown, so after a reload or a killed app it is recomputed to the right step and second.
// Every function takes `now` (epoch ms) and returns a new state.
(function (steady) {
  'use strict';

  // Gone longer than this (app killed, phone locked) and the workout waits, paused where it was.
  const AWAY_MS = 2 * 60 * 1000;
  const EXERCISE_KINDS = ['work', 'reps'];

  /** A fresh workout over a timeline. `routine` is {ref, slug, name}; ref is a slug or a custom routine's id. */
  function startWorkout({ id, routine, steps, now, timeZone }) {
    return enter({
      id, ref: routine.ref, routine_slug: routine.slug || null, routine_name: routine.name, time_zone: timeZone,
      started_ms: now, steps, index: 0, step_started_ms: now, paused_ms: null, reps: null, results: {},
      finished_ms: null, seen_ms: now,
    }, 0, now);
  }

  function enter(state, index, at) {
    const step = state.steps[index];
    if (!step) return { ...state, index: state.steps.length, step_started_ms: at, reps: null, finished_ms: at };
    const previous = state.results[index];
    const reps = step.kind === 'reps' ? (previous && previous.reps !== undefined ? previous.reps : step.target) : null;
    return { ...state, index, step_started_ms: at, reps };
  }

  function withResult(state, index, result) {
    const results = { ...state.results };
    if (result) results[index] = result;
    else delete results[index];
    return { ...state, results };
  }

  /** Where the workout is at `now`: the step, seconds left (timed steps) and whether it is over. */
  function position(state, now) {
    const finished = state.finished_ms !== null;
    const step = finished ? null : state.steps[state.index];
    const at = state.paused_ms !== null ? state.paused_ms : now;
    const elapsedMs = Math.max(0, at - state.step_started_ms);
    const timed = Boolean(step && step.seconds);
    const remainingMs = timed ? Math.max(0, step.seconds * 1000 - elapsedMs) : null;
    return {
      index: state.index, step, finished, paused: state.paused_ms !== null, elapsedMs, remainingMs,
      secondsLeft: timed ? Math.ceil(remainingMs / 1000) : null,
    };
  }

  /** Run the clock forward: timed steps that have run out end, and the next begins exactly when they did. */
  function catchUp(state, now) {
    let s = state;
    while (s.finished_ms === null && s.paused_ms === null) {
      const step = s.steps[s.index];
      if (!step.seconds) break; // a reps step waits for the runner's tap
      const end = s.step_started_ms + step.seconds * 1000;
      if (now < end) break;
      if (step.kind === 'work') s = withResult(s, s.index, { seconds: step.seconds });
      s = enter(s, s.index + 1, end);
    }
    return s;
  }

  /** Pause the clock. */
  function pause(state, now) {
    return state.paused_ms !== null || state.finished_ms !== null ? state : { ...catchUp(state, now), paused_ms: now };
  }

  /** Carry on from where the clock was paused. */
  function resume(state, now) {
    if (state.paused_ms === null) return state;
    return { ...state, step_started_ms: state.step_started_ms + (now - state.paused_ms), paused_ms: null, seen_ms: now };
  }

  function moveTo(state, index, now) {
    const paused = state.paused_ms !== null;
    const moved = enter(state, index, now);
    return { ...moved, paused_ms: paused && moved.finished_ms === null ? now : null };
  }

  /** Change the rep count on a reps step. */
  function adjustReps(state, delta) {
    if (state.reps === null) return state;
    return { ...state, reps: Math.min(999, Math.max(0, state.reps + delta)) };
  }

  /** The runner tapped "Done" on a reps step: log the count and go on. */
  function completeReps(state, now) {
    const step = state.steps[state.index];
    if (!step || step.kind !== 'reps') return state;
    const done = withResult({ ...state, paused_ms: null }, state.index, { reps: state.reps });
    return enter(done, state.index + 1, now);
  }

  /** Move on now: a timed bout cut short logs the seconds done; a skipped reps step logs nothing. */
  function skip(state, now) {
    const s = catchUp(state, now);
    if (s.finished_ms !== null) return s;
    const step = s.steps[s.index];
    const { elapsedMs } = position(s, now);
    const held = Math.floor(elapsedMs / 1000);
    const result = step.kind === 'work' && held >= 1 ? { seconds: held } : null;
    return moveTo(withResult(s, s.index, EXERCISE_KINDS.includes(step.kind) ? result : s.results[s.index]), s.index + 1, now);
  }

  /** Go back to the previous exercise (past any rest or switch) and do it again. */
  function back(state, now) {
    const s = catchUp(state, now);
    let target = Math.min(s.index, s.steps.length) - 1;
    while (target > 0 && !EXERCISE_KINDS.includes(s.steps[target].kind)) target -= 1;
    target = Math.max(0, target);
    return moveTo(withResult({ ...s, finished_ms: null }, target, null), target, now);
  }

  /** End the workout early: a timed bout under way logs the seconds done. */
  function finishNow(state, now) {
    const s = catchUp(state, now);
    if (s.finished_ms !== null) return s;
    const step = s.steps[s.index];
    const held = Math.floor(position(s, now).elapsedMs / 1000);
    const done = step.kind === 'work' && held >= 1 ? withResult(s, s.index, { seconds: held }) : s;
    const stopped = { index: s.index, elapsed_ms: position(s, now).elapsedMs, reps: s.reps };
    return { ...done, index: s.steps.length, paused_ms: null, reps: null, finished_ms: s.paused_ms !== null ? s.paused_ms : now, stopped };
  }

  /** Back from the finish screen to the workout, paused where it was ended (or on its last
   * exercise, if it ran to the end): the finish screen comes back when it ends again. */
  function reopen(state, now) {
    if (state.finished_ms === null) return state;
    const { stopped, ...rest } = state;
    if (!stopped) return pause(back(rest, now), now);
    const entered = enter({ ...rest, finished_ms: null }, stopped.index, now - stopped.elapsed_ms);
    // The bout under way starts over from the seconds it had reached, so its result is recorded when it ends.
    const cleared = entered.steps[stopped.index].kind === 'work' ? withResult(entered, stopped.index, null) : entered;
    return { ...cleared, reps: stopped.reps === null ? cleared.reps : stopped.reps, paused_ms: now, seen_ms: now };
  }

  /** Note that the page was alive at `now`, so a long absence can be told from a reload. */
  function heartbeat(state, now) {
    return { ...state, seen_ms: now };
  }

  /** The state to show after a reload: the clock carried on through a short reload; after a long
   * absence the workout waits, paused at the moment the app was last seen. */
  function restore(state, now) {
    if (state.finished_ms !== null || state.paused_ms !== null) return state;
    if (now - state.seen_ms > AWAY_MS) return pause(catchUp(state, state.seen_ms), state.seen_ms);
    return catchUp(state, now);
  }

  /** The log entries so far: one per bout done, per side, in the order they were done. */
  function entries(state) {
    return state.steps.flatMap((step, index) => {
      const result = state.results[index];
      if (!result || !EXERCISE_KINDS.includes(step.kind)) return [];
      return [{
        exercise: step.exercise, side: step.side,
        reps: result.reps !== undefined ? result.reps : null, seconds: result.seconds !== undefined ? result.seconds : null,
        load_kg: null, surface: null, eyes: null, footwear: null,
      }];
    });
  }

  /** The cues due between two positions: a new step, halfway, or the last 3-2-1 of a timed step. */
  function cueEvents(before, after) {
    if (after.finished) return before.finished ? [] : [{ cue: 'done' }];
    if (after.index !== before.index) {
      const kind = after.step.kind;
      return [{ cue: kind === 'work' || kind === 'reps' ? 'start' : kind }];
    }
    if (after.secondsLeft === null || before.secondsLeft === null || after.paused) return [];
    const events = [];
    const half = Math.ceil(after.step.seconds / 2);
    if (after.step.kind === 'work' && after.step.seconds >= 10 && before.secondsLeft > half && after.secondsLeft <= half) {
      events.push({ cue: 'halfway' });
    }
    if (after.secondsLeft >= 1 && after.secondsLeft <= 3 && after.secondsLeft < before.secondsLeft) {
      events.push({ cue: 'count', n: after.secondsLeft });
    }
    return events;
  }

  steady.playerEngine = {
    AWAY_MS, startWorkout, position, catchUp, pause, resume, adjustReps, completeReps, skip, back, finishNow, reopen, heartbeat, restore, entries, cueEvents,
  };
})(globalThis.steady);
