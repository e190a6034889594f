package org.redress.appeal;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.redress.shared.Money;
import org.redress.suspension.CaseTransition;
import org.redress.suspension.Measure;
import org.redress.suspension.SuspensionCase;

/** Maps the suspension module's records onto the case view (MapStruct, generated at build). */
@Mapper(componentModel = "spring")
interface CaseViewMapper {

  @Mapping(target = "indefinite", expression = "java(measure.endsAt() == null)")
  @Mapping(target = "frozenShort", expression = "java(measure.frozenShort())")
  CaseView.MeasureView measure(Measure measure);

  /** Amounts as "120.00 EUR". */
  default String money(Money money) {
    return money == null ? null : money.toString();
  }

  @Mapping(target = "imposedBy", ignore = true)
  CaseView.StatementView statement(SuspensionCase suspensionCase);

  @Mapping(target = "at", source = "occurredAt")
  @Mapping(target = "status", source = "to")
  CaseView.TimelineEntry timeline(CaseTransition transition);

  @Mapping(target = "status", expression = "java(appeal.status().name())")
  CaseView.AppealView appeal(Appeal appeal);
}
