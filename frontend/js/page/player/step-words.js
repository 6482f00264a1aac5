// What the player says and shows for each step: headings, targets, spoken cues and the
// screen-reader line for the current step.
(function (steady) {
  'use strict';
  const { exerciseName } = steady.labels.training;

  const KIND = { ready: 'Get ready', work: 'Work', reps: 'Reps', switch: 'Switch sides', rest: 'Rest' };
  const SIDE = { left: 'left side', right: 'right side', both: '' };
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1); // a spoken sentence starts with a capital

  /** "Round 2 of 3" (circuit) or "Set 2 of 3" (sets). */
  function roundText(step, routine) {
    const rounds = Math.max(1, routine.rounds || 1);
    return `${routine.format === 'circuit' ? 'Round' : 'Set'} ${step.round} of ${rounds}`;
  }

  /** "5–10 reps" or "10 reps". */
  function repsTarget(step) {
    return step.target_min && step.target_min < step.target ? `${step.target_min}–${step.target} reps` : `${step.target} reps`;
  }

  /** How much of a step: "30 s", "8–10 reps". */
  function dose(step) {
    return step.kind === 'reps' ? repsTarget(step) : `${step.seconds} s`;
  }

  /** The first exercise step at or after `index`. */
  function nextExerciseStep(steps, index) {
    for (let i = index; i < steps.length; i += 1) {
      if (steps[i].kind === 'work' || steps[i].kind === 'reps') return steps[i];
    }
    return null;
  }

  /** The step's main heading: the exercise while working, else what is happening. */
  function heading(step, catalog) {
    return step.kind === 'work' || step.kind === 'reps' ? exerciseName(step.exercise, catalog) : KIND[step.kind];
  }

  /** "Wood chop, left side" */
  function exerciseOnSide(step, catalog) {
    return [exerciseName(step.exercise, catalog), SIDE[step.side]].filter(Boolean).join(', ');
  }

  /** Under a rest, switch or get-ready heading: what comes next. */
  function upcomingLine(step, catalog) {
    if (step.kind === 'switch') return `Now the ${SIDE[step.side]}`;
    return `${step.kind === 'ready' ? 'First' : 'Next'}: ${exerciseOnSide(step, catalog)}`;
  }

  /** The screen-reader line when a step begins. */
  function stepLine(step, catalog) {
    if (step.kind === 'work') return `${exerciseOnSide(step, catalog)}: ${step.seconds} seconds.`;
    if (step.kind === 'reps') return `${exerciseOnSide(step, catalog)}: ${repsTarget(step)}. Tap Done when finished.`;
    if (step.kind === 'switch') return `Switch sides: ${SIDE[step.side]} next, in ${step.seconds} seconds.`;
    return `${KIND[step.kind]}, ${step.seconds} seconds. ${upcomingLine(step, catalog)}.`;
  }

  /** "Starting on your weaker side (right)": said once per exercise when weaker side first is on. */
  function weakerFirst(side) {
    return `Starting on your weaker side (${side})`;
  }

  /** The words spoken for a cue. */
  function spoken(event, step, catalog) {
    switch (event.cue) {
      case 'count': return String(event.n);
      case 'halfway': return 'Halfway.';
      case 'switch': return `Switch sides. ${capitalised(SIDE[step.side])} next.`;
      case 'done': return 'Done. Well done!';
      case 'start': return `${exerciseOnSide(step, catalog)}. ${step.kind === 'reps' ? repsTarget(step) : 'Go.'}`;
      case 'rest': return `Rest. Next: ${exerciseOnSide(step, catalog)}.`;
      case 'ready': return `Get ready. First: ${exerciseOnSide(step, catalog)}.`;
      default: return '';
    }
  }

  steady.stepWords = { KIND, SIDE, roundText, repsTarget, dose, nextExerciseStep, heading, exerciseOnSide, upcomingLine, stepLine, weakerFirst, spoken };
})(globalThis.steady);
