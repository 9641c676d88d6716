package api

import "github.com/gin-gonic/gin"

// policyRoutes let an administrator read and change role permissions.
func (s *Server) policyRoutes(authed *gin.RouterGroup) {}
