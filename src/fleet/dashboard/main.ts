import './fleet-dashboard.ts';
