package org.penneoarchive.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a staff task, with its author and time. */
@Entity
@Table(name = "task_comment")
public class TaskComment {

  public static final int MAX_CHARS = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_comment_seq")
  @SequenceGenerator(
      name = "task_comment_seq",
      sequenceName = "task_comment_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "task_id", nullable = false)
  private long taskId;

  @Column(nullable = false, length = 200)
  private String author;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  @Column(nullable = false, length = MAX_CHARS)
  private String body;

  protected TaskComment() {}

  public TaskComment(long taskId, String author, Instant writtenAt, String body) {
    this.taskId = taskId;
    this.author = author;
    this.writtenAt = writtenAt;
    this.body = body;
  }

  public long getTaskId() {
    return taskId;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  public String getBody() {
    return body;
  }
}
