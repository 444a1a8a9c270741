// The dashboard's page script (dist/public/dashboard/dashboard.js): defines its elements.
import './dashboard/dashboard.js';
