/**
 * Chart.js with only what the dashboard draws registered (bar and doughnut charts, category and
 * linear axes, legend, tooltip), so the bundler drops the rest. Loaded by <wy-chart> on first use.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
