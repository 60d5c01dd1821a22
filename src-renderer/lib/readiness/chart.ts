/**
 * The Readiness dashboard's chart: active users ready / not ready as a doughnut on a canvas.
 * Only the pieces used are registered, and nothing animates (the numbers beside it are the
 * accessible source of truth; the canvas carries an equivalent label).
 */
import { ArcElement, Chart, DoughnutController, Legend, Tooltip } from 'chart.js';

Chart.register(DoughnutController, ArcElement, Legend, Tooltip);

/** Ready in green, not ready in the warning colour of the app. */
const COLOURS = ['#2e7d32', '#c62828'];

/** Draws (or redraws) the chart on `canvas`; answers a function that removes it. */
export function drawReadinessChart(canvas: HTMLCanvasElement, ready: number, notReady: number) {
  const chart = new Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: ['Ready', 'Not ready'],
      datasets: [{ data: [ready, notReady], backgroundColor: COLOURS, borderWidth: 1 }],
    },
    options: {
      animation: false,
      responsive: false,
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return () => chart.destroy();
}
