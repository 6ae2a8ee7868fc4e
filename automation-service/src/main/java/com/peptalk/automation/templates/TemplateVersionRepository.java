package com.peptalk.automation.templates;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface TemplateVersionRepository extends JpaRepository<TemplateVersion, Long> {

    Optional<TemplateVersion> findByTemplateIdAndVersion(long templateId, int version);

    Optional<TemplateVersion> findFirstByTemplateIdOrderByVersionDesc(long templateId);

    List<TemplateVersion> findByTemplateIdOrderByVersion(long templateId);

    List<TemplateVersion> findByIdIn(Collection<Long> ids);
}
