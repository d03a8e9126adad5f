-- ix_case_file_state_activity (state, last_activity_at) serves every lookup by state that
-- ix_case_file_state (state) served; each index is one more B-tree to update per case-file
-- insert and state change.
drop index ix_case_file_state;
