// The third-party libraries of Warta's web page, bundled into one script
// that defines `window.WartaVendor`. Only the pieces the page uses are
// imported, so the bundle (embedded in the binary) stays small.
import { Timeline } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import 'moment/locale/id';  // Indonesian month and day names on the timeline axis
import cytoscape from 'cytoscape';
import {
  Chart, ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend,
} from 'chart.js';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

window.WartaVendor = Object.freeze({ Timeline, DataSet, cytoscape, Chart });
