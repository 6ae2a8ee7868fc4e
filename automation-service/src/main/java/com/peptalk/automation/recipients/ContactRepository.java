package com.peptalk.automation.recipients;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

    Page<Contact> findByCompanyIdOrderById(long companyId, Pageable page);

    Page<Contact> findAllByOrderById(Pageable page);
}
