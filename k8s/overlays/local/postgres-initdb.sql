-- Local only: one database per service, as each service owns its data (DESIGN.md §2).
CREATE DATABASE peptalk_token;
CREATE DATABASE peptalk_iframe;
CREATE DATABASE peptalk_automation;
CREATE DATABASE peptalk_delivery;
CREATE DATABASE peptalk_tracking;
CREATE DATABASE peptalk_heartbeat;
