package com.peptalk.automation.workflows;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface WorkflowRepository extends JpaRepository<Workflow, UUID> {

    List<Workflow> findByTriggerTypeAndStatus(String triggerType, WorkflowPlan.Status status);

    List<Workflow> findByCompanyIdOrderByCreatedAt(long companyId);
}
