package com.peptalk.automation.templates;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface TemplateRepository extends JpaRepository<Template, Long> {

    Optional<Template> findByCompanyIdAndName(long companyId, String name);

    List<Template> findByCompanyIdAndKindNot(long companyId, Template.Kind kind);

    List<Template> findByCompanyIdOrderById(long companyId);
}
