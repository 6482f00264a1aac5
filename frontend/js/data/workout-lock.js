// Only one tab runs the guided workout at a time. The tab that runs it holds a Web Lock; another
// tab sees the lock, shows the workout as running elsewhere, and may take it over (stealing the
// lock), which tells the first tab to stop at once, so two tabs never overwrite each other.
(function (steady) {
  'use strict';
  const NAME = 'steady-workout';

  /** Whether another tab (or this one) is running the workout right now. */
  async function workoutRunsElsewhere() {
    if (!navigator.locks) return false;
    const { held } = await navigator.locks.query();
    return held.some((lock) => lock.name === NAME);
  }

  /** Claim the right to run the workout: { release } when this tab has it, null when another tab
   * does. With `steal`, take it from that tab, whose `onLost` is then called. */
  function claimWorkout({ steal = false, onLost }) {
    if (!navigator.locks) return Promise.resolve({ release() {} }); // no Web Locks: this tab is all we know of
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    return new Promise((resolve, reject) => {
      navigator.locks.request(NAME, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        resolve({ release });
        return held;
      }).catch((error) => {
        if (error.name === 'AbortError') onLost(); // another tab took the workout over
        else reject(error);
      });
    });
  }

  steady.workoutLock = { workoutRunsElsewhere, claimWorkout };
})(globalThis.steady);
